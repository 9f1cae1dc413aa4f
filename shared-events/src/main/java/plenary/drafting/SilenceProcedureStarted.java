package plenary.drafting;

import plenary.identity.Actor;

/** The text went under silence until the deadline. */
public record SilenceProcedureStarted(String draftId, String procedureId, java.time.Instant deadline,
                                      SilenceSubject subject, Actor actor) implements DraftEvent {
}
