package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** Nobody broke silence by the deadline: the subject is adopted. The actor is who started it. */
@PayloadRevision(1)
public record SilenceProcedureConcluded(String draftId, String procedureId, SilenceSubject subject, Actor actor)
        implements DraftEvent {
}
