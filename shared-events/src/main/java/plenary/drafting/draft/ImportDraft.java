package plenary.drafting.draft;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Imports a whole text in the Markdown format of API.md as a new draft. */
public record ImportDraft(String draftId, String markdown, Actor actor) implements DraftCommand {
}
