package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** The chair accepted one alternative: its text replaces the bracket. */
@PayloadRevision(1)
public record AlternativeAccepted(String draftId, String bracketId, String alternativeId, Actor actor)
        implements DraftEvent {
}
