package plenary.drafting;

import java.util.List;

/**
 * A paragraph as an event records it. {@code number} is its label without punctuation ("iv", "3bis"), or null;
 * {@code agreements} the delegations that agreed it; {@code layout} null for an ordinary paragraph.
 */
public record TextParagraph(String id, Section section, String number, ParagraphStatus status,
                            List<Wording> content, List<Agreement> agreements, Layout layout) {

    public TextParagraph {
        content = List.copyOf(content);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    public record Agreement(String delegation, boolean adReferendum) {
    }

    /** {@code heading}: the Markdown heading level, 0 for text; {@code depth}: how deep a sub-paragraph nests. */
    public record Layout(int heading, int depth, Marker marker) {
    }

    /** How the number is written: "1.", "(a)", "a)", or bare. */
    public enum Marker { DOT, PARENS, CLOSE_PAREN, BARE }
}
