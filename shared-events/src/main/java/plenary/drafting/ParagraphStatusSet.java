package plenary.drafting;

import plenary.identity.Actor;

/** The chair recorded where a paragraph stands. */
public record ParagraphStatusSet(String draftId, String paragraphId, ParagraphStatus status, Actor actor)
        implements DraftEvent {
}
