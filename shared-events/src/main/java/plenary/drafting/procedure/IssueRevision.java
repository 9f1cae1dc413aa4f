package plenary.drafting.procedure;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Freezes the current text as a revision; {@code label} null takes the next Rev.n. */
public record IssueRevision(String draftId, String label, Actor actor) implements DraftCommand {
}
