package plenary.drafting;

import plenary.identity.Actor;

/** Nobody broke silence by the deadline: the subject is adopted. The actor is who started it. */
public record SilenceProcedureConcluded(String draftId, String procedureId, SilenceSubject subject, Actor actor)
        implements DraftEvent {
}
