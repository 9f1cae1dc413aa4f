package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A whole paragraph was put in brackets, with deletion as the alternative. */
@PayloadRevision(1)
public record DeletionProposed(String draftId, String paragraphId, String bracketId, String originalAlternativeId,
                               String deletionAlternativeId, Actor actor) implements DraftEvent {
}
