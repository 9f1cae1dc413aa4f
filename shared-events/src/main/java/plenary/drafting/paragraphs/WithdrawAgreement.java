package plenary.drafting.paragraphs;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** A delegation withdraws its agreement, which reopens the paragraph. */
public record WithdrawAgreement(String draftId, String paragraphId, Actor actor) implements DraftCommand {
}
