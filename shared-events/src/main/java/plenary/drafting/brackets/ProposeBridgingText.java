package plenary.drafting.brackets;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

import java.util.List;

/** The chair offers one text in place of several alternatives. */
public record ProposeBridgingText(String draftId, String bracketId, List<String> replaces, String text, Actor actor)
        implements DraftCommand {
}
