package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** The text was frozen as a revision; the revision stands for the version of this event. */
@PayloadRevision(1)
public record RevisionIssued(String draftId, String label, Actor actor) implements DraftEvent {
}
