package plenary.drafting;

import plenary.identity.Actor;

/** A whole paragraph was put in brackets, with deletion as the alternative. */
public record DeletionProposed(String draftId, String paragraphId, String bracketId, String originalAlternativeId,
                               String deletionAlternativeId, Actor actor) implements DraftEvent {
}
