package plenary.drafting;

import plenary.identity.Actor;

/** A delegation agreed a paragraph, possibly ad referendum. */
public record ParagraphAgreed(String draftId, String paragraphId, boolean adReferendum, Actor actor)
        implements DraftEvent {
}
