package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A paragraph moved within its section; {@code after} null means first. */
@PayloadRevision(1)
public record ParagraphMoved(String draftId, String paragraphId, String after, Actor actor) implements DraftEvent {
}
