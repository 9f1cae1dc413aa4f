package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** The delegation that raised a bracket lifts it, if nobody else holds it: the words stand again. */
public record WithdrawBracket(String draftId, String bracketId, Actor actor) implements DraftCommand {
}
