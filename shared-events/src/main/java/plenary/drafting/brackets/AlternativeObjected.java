package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A delegation objects to an alternative. */
@PayloadRevision(1)
public record AlternativeObjected(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
