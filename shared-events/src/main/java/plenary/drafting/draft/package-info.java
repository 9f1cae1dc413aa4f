/** A draft comes to be, by creation or import, and is revised from a chair's new text. */
package plenary.drafting.draft;
