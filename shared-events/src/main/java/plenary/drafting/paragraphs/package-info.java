/** Paragraphs proposed, moved, renumbered, given a status, agreed and disagreed. */
package plenary.drafting.paragraphs;
