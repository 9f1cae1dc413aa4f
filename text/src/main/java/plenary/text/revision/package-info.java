/** A chair's new text of a draft compared with the draft: the differences become one revision event. */
package plenary.text.revision;
