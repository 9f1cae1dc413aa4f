package plenary.drafting;

import plenary.identity.Actor;

/** The chair accepted one alternative: its text replaces the bracket. */
public record AlternativeAccepted(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
