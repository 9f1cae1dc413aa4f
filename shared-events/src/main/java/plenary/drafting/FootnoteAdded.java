package plenary.drafting;

import plenary.identity.Actor;
import plenary.text.Inline;

import java.util.List;

/** A footnote was added after the quoted words (or at the end of the paragraph). */
public record FootnoteAdded(String draftId, String label, String paragraphId, String quote, List<Inline> content,
                            Actor actor) implements DraftEvent {
}
