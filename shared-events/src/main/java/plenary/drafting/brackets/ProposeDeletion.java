package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Proposes deleting a paragraph: the whole paragraph goes into brackets. */
public record ProposeDeletion(String draftId, String paragraphId, Actor actor) implements DraftCommand {
}
