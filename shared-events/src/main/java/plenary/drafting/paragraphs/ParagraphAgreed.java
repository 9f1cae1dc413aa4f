package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A delegation agreed a paragraph, possibly ad referendum. */
@PayloadRevision(1)
public record ParagraphAgreed(String draftId, String paragraphId, boolean adReferendum, Actor actor)
        implements DraftEvent {
}
