package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** The proposer takes back its alternative, if nobody else holds it. */
public record WithdrawAlternative(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftCommand {
}
