package plenary.drafting;

import plenary.identity.Actor;

/** Removes a footnote and its references. */
public record RemoveFootnote(String draftId, String label, Actor actor) implements DraftCommand {
}
