/** The text model of a draft and the one fold that turns its events into a document. Pure: no I/O. */
package plenary.text;
