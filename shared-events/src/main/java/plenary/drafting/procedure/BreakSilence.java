package plenary.drafting.procedure;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A participant objects before the deadline: the procedure ends, nothing is adopted. */
public record BreakSilence(String draftId, String reason, Actor actor) implements DraftCommand {
}
