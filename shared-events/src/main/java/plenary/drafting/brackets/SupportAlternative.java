package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A delegation supports one alternative of a bracket ("(G77: retain)"). */
public record SupportAlternative(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftCommand {
}
