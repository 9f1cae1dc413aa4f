package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Document;

/** A final text was corrected; the corrected text carries {@code label} ("Corr.1") and the hash
 * of its canonical text. */
public record CorrigendumIssued(String draftId, String label, Document document, String contentHash,
                                Actor actor) implements DraftEvent {
}
