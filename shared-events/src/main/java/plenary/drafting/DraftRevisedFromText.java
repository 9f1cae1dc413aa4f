package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Footnote;
import plenary.text.Header;
import plenary.text.Inline;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.util.List;

/**
 * The draft was revised from a new text: only the differences are recorded. {@code paragraphs} are those edited
 * (keeping their id) or new; {@code removed} those the new text no longer has; {@code order} every paragraph id
 * in the new text's order. {@code participants} are newly named; header, chapeau and footnotes are the new text's.
 */
public record DraftRevisedFromText(String draftId, Header header, List<Inline> chapeau,
                                   List<Participant> participants, List<Paragraph> paragraphs, List<String> removed,
                                   List<String> order, List<Footnote> footnotes, Actor actor) implements DraftEvent {
    public DraftRevisedFromText {
        chapeau = List.copyOf(chapeau);
        participants = List.copyOf(participants);
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
        order = List.copyOf(order);
        footnotes = List.copyOf(footnotes);
    }
}
