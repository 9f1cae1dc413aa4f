package plenary.drafting.procedure;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Corrects a final text: the corrected text becomes a new, separately labelled version. */
public record IssueCorrigendum(String draftId, String markdown, Actor actor) implements DraftCommand {
}
