package plenary.drafting.footnotes;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A footnote and its references were removed. */
@PayloadRevision(1)
public record FootnoteRemoved(String draftId, String label, Actor actor) implements DraftEvent {
}
