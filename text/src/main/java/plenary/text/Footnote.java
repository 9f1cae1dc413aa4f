package plenary.text;

import java.util.List;

/**
 * A footnote. Where its note stands in the text is kept so that the text comes back as written:
 * {@code after} is the paragraph the note follows (null: the end of the text, or {@link Document#footnotesAfter()}
 * for texts imported before notes kept their own place) and {@code ruled} says a {@code ---} rule precedes it.
 */
public record Footnote(String label, List<Inline> content, Style style, String after, Boolean ruled) {

    /** How the text writes the reference and the note: {@code <sup>1</sup>} (null means this too) or {@code [^1]}. */
    public enum Style { SUP, CARET }

    public Footnote {
        content = List.copyOf(content);
    }

    public Footnote(String label, List<Inline> content) {
        this(label, content, null, null, null);
    }

    public boolean caret() {
        return style == Style.CARET;
    }
}
