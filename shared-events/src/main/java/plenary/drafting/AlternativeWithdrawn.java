package plenary.drafting;

import plenary.identity.Actor;

/** An alternative was taken back by its proposer. */
public record AlternativeWithdrawn(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
