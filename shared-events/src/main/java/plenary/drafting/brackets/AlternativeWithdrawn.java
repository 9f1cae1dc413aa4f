package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** An alternative was taken back by its proposer. */
@PayloadRevision(1)
public record AlternativeWithdrawn(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
