package plenary.text;

/** A frozen, named version of the draft: "Rev.1" stands for the text at {@code version}. */
public record Revision(String label, long version) {
}
