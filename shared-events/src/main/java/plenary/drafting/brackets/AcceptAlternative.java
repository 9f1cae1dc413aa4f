package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

public record AcceptAlternative(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftCommand {
}
