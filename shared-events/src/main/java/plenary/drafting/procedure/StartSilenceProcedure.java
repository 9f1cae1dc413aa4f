package plenary.drafting.procedure;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Circulates the text under silence until an exact deadline. */
public record StartSilenceProcedure(String draftId, java.time.Instant deadline, SilenceSubject subject, Actor actor)
        implements DraftCommand {
}
