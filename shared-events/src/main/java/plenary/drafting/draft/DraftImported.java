package plenary.drafting.draft;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.WholeText;
import plenary.identity.Actor;

/**
 * A whole text became a draft. The parsed text is the payload, so replay never re-parses Markdown. Revision 2 keeps
 * only the text: revision 1 carried a whole model document, whose version, status, hash, revisions and silence
 * procedure an imported text never had; an upcaster drops them.
 */
@PayloadRevision(2)
public record DraftImported(String draftId, WholeText document, Actor actor) implements DraftEvent {
}
