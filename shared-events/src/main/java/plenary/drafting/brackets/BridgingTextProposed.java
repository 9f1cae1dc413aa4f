package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

/** The chair replaced several alternatives of a bracket by one bridging text. */
@PayloadRevision(1)
public record BridgingTextProposed(String draftId, String bracketId, List<String> replaces,
                                   Wording.Alternative bridging, Actor actor) implements DraftEvent {
}
