package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Offers another text for a bracket's slot; an empty text proposes deletion. */
public record ProposeAlternative(String draftId, String bracketId, String text, Actor actor) implements DraftCommand {
}
