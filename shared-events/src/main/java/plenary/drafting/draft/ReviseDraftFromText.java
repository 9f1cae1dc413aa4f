package plenary.drafting.draft;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A chair's new text of an existing draft, in the Markdown format of API.md: its differences become the record. */
public record ReviseDraftFromText(String draftId, String markdown, Actor actor) implements DraftCommand {
}
