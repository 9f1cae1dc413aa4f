package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** The text went under silence until the deadline. */
@PayloadRevision(1)
public record SilenceProcedureStarted(String draftId, String procedureId, java.time.Instant deadline,
                                      SilenceSubject subject, Actor actor) implements DraftEvent {
}
