package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** The text is final; {@code contentHash} is the SHA-256 of its canonical Markdown export. */
@PayloadRevision(1)
public record DraftFinalised(String draftId, String contentHash, Actor actor) implements DraftEvent {
}
