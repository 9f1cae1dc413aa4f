/** Footnotes added and removed. */
package plenary.drafting.footnotes;
