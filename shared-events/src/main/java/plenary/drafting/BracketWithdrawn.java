package plenary.drafting;

import plenary.identity.Actor;

/** A bracket was lifted by the delegation that raised it: the words as they stood are back. */
public record BracketWithdrawn(String draftId, String bracketId, Actor actor) implements DraftEvent {
}
