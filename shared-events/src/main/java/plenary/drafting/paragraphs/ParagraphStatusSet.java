package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** The chair recorded where a paragraph stands. */
@PayloadRevision(1)
public record ParagraphStatusSet(String draftId, String paragraphId, ParagraphStatus status, Actor actor)
        implements DraftEvent {
}
