package plenary.drafting.brackets;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A bracket was lifted by the delegation that raised it: the words as they stood are back. */
@PayloadRevision(1)
public record BracketWithdrawn(String draftId, String bracketId, Actor actor) implements DraftEvent {
}
