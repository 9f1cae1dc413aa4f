package plenary.drafting;

import java.util.List;

/**
 * A whole text as an event records it, parsed: what an import or a corrigendum brings. {@code footnotesAfter}
 * is where the footnote block stood in texts imported before notes kept their own place; null is the end.
 */
public record WholeText(TextHeader header, List<TextParticipant> participants, List<TextParagraph> paragraphs,
                        List<Wording> chapeau, List<TextFootnote> footnotes, String footnotesAfter) {

    public WholeText {
        participants = List.copyOf(participants);
        paragraphs = List.copyOf(paragraphs);
        chapeau = List.copyOf(chapeau);
        footnotes = List.copyOf(footnotes);
    }
}
