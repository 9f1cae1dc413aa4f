package plenary.drafting.footnotes;

import plenary.drafting.DraftEvent;
import plenary.drafting.PayloadRevision;
import plenary.drafting.Wording;
import plenary.identity.Actor;

import java.util.List;

/** A footnote was added after the quoted words (or at the end of the paragraph). */
@PayloadRevision(1)
public record FootnoteAdded(String draftId, String label, String paragraphId, String quote, List<Wording> content,
                            Actor actor) implements DraftEvent {
}
