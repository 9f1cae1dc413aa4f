package plenary.drafting;

import plenary.identity.Actor;

/** A delegation withdrew its agreement; the paragraph is reopened. */
public record AgreementWithdrawn(String draftId, String paragraphId, Actor actor) implements DraftEvent {
}
