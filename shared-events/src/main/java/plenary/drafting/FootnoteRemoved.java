package plenary.drafting;

import plenary.identity.Actor;

/** A footnote and its references were removed. */
public record FootnoteRemoved(String draftId, String label, Actor actor) implements DraftEvent {
}
