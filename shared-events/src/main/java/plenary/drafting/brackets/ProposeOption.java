package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Offers another version of a whole paragraph ("Option 2: …"); an empty text is "No text". */
public record ProposeOption(String draftId, String paragraphId, String text, Actor actor) implements DraftCommand {
}
