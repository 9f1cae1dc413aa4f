package plenary.query.drafting;

import plenary.drafting.DraftEvent;
import plenary.text.Document;

import java.time.Instant;

/**
 * A read model kept beside the drafts projection (snapshots, the timeline): told of each event as it is folded,
 * in the projection's transaction, with the document before and after it. Every such bean is told.
 */
public interface FoldListener {

    /** {@code before} is null for a draft's first event; the event's version is {@code after.version()}. */
    void folded(Document before, Document after, DraftEvent event, Instant at);

    /** The projection starts again from the first event: forget everything. */
    void reset();
}
