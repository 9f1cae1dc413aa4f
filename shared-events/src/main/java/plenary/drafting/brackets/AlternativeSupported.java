package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A delegation supports an alternative. */
@PayloadRevision(1)
public record AlternativeSupported(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
