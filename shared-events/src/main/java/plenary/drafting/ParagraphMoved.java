package plenary.drafting;

import plenary.identity.Actor;

/** A paragraph moved within its section; {@code after} null means first. */
public record ParagraphMoved(String draftId, String paragraphId, String after, Actor actor) implements DraftEvent {
}
