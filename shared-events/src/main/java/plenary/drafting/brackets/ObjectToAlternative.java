package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A delegation objects to one alternative ("(EU: delete)"). */
public record ObjectToAlternative(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftCommand {
}
