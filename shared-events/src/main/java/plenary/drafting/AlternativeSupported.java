package plenary.drafting;

import plenary.identity.Actor;

/** A delegation supports an alternative. */
public record AlternativeSupported(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
