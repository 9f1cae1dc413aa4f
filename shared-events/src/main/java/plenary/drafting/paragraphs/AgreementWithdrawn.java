package plenary.drafting.paragraphs;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.identity.Actor;

/** A delegation withdrew its agreement; the paragraph is reopened. */
@PayloadRevision(1)
public record AgreementWithdrawn(String draftId, String paragraphId, Actor actor) implements DraftEvent {
}
