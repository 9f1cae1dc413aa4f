package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A participant broke silence: nothing is adopted and negotiation resumes. */
@PayloadRevision(1)
public record SilenceBroken(String draftId, String procedureId, String reason, Actor actor) implements DraftEvent {
}
