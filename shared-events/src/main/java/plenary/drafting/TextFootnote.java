package plenary.drafting;

import java.util.List;

/**
 * A footnote as an event records it: {@code after} is the paragraph its note follows (null: the end of the text),
 * {@code ruled} whether a rule precedes it.
 */
public record TextFootnote(String label, List<Wording> content, Wording.FootnoteStyle style, String after,
                           Boolean ruled) {

    public TextFootnote {
        content = List.copyOf(content);
    }
}
