package plenary.drafting.procedure;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.WholeText;
import plenary.identity.Actor;

/**
 * A final text was corrected; the corrected text carries {@code label} ("Corr.1") and the hash of its canonical
 * text. Revision 2 keeps only the corrected text, as {@link plenary.drafting.draft.DraftImported} does.
 */
@PayloadRevision(2)
public record CorrigendumIssued(String draftId, String label, WholeText document, String contentHash,
                                Actor actor) implements DraftEvent {
}
