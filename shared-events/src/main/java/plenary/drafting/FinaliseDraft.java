package plenary.drafting;

import plenary.identity.Actor;

public record FinaliseDraft(String draftId, Actor actor) implements DraftCommand {
}
