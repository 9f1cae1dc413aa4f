package plenary.drafting;

import plenary.identity.Actor;

/** The text was frozen as a revision; the revision stands for the version of this event. */
public record RevisionIssued(String draftId, String label, Actor actor) implements DraftEvent {
}
