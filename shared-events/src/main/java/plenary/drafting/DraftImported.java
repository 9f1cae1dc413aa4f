package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Document;

/** A whole text became a draft. The parsed document is the payload, so replay never re-parses Markdown. */
public record DraftImported(String draftId, Document document, Actor actor) implements DraftEvent {
}
