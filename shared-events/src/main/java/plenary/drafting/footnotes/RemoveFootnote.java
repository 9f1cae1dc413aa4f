package plenary.drafting.footnotes;

import plenary.drafting.DraftCommand;
import plenary.identity.Actor;

/** Removes a footnote and its references. */
public record RemoveFootnote(String draftId, String label, Actor actor) implements DraftCommand {
}
