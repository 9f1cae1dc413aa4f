package plenary.drafting.procedure;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

public record FinaliseDraft(String draftId, Actor actor) implements DraftCommand {
}
