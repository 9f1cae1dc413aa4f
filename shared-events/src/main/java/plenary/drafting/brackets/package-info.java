/** Disputed words: brackets, alternatives, positions on them, options, bridging text, deletion. */
package plenary.drafting.brackets;
