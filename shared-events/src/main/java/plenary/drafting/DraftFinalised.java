package plenary.drafting;

import plenary.identity.Actor;

/** The text is final; {@code contentHash} is the SHA-256 of its canonical Markdown export. */
public record DraftFinalised(String draftId, String contentHash, Actor actor) implements DraftEvent {
}
