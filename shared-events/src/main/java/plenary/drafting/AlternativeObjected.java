package plenary.drafting;

import plenary.identity.Actor;

/** A delegation objects to an alternative. */
public record AlternativeObjected(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
