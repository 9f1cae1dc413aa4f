package plenary.drafting.draft;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.TextFootnote;
import plenary.drafting.TextHeader;
import plenary.drafting.TextParagraph;
import plenary.drafting.TextParticipant;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

/**
 * The draft was revised from a new text: only the differences are recorded. {@code paragraphs} are those edited
 * (keeping their id) or new; {@code removed} those the new text no longer has; {@code order} every paragraph id
 * in the new text's order. {@code participants} are newly named; header, chapeau and footnotes are the new text's.
 */
@PayloadRevision(1)
public record DraftRevisedFromText(String draftId, TextHeader header, List<Wording> chapeau,
                                   List<TextParticipant> participants, List<TextParagraph> paragraphs, List<String> removed,
                                   List<String> order, List<TextFootnote> footnotes, Actor actor) implements DraftEvent {
    public DraftRevisedFromText {
        chapeau = List.copyOf(chapeau);
        participants = List.copyOf(participants);
        paragraphs = List.copyOf(paragraphs);
        removed = List.copyOf(removed);
        order = List.copyOf(order);
        footnotes = List.copyOf(footnotes);
    }
}
