package plenary.query.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;
import plenary.identity.Actor;
import plenary.text.Document;
import plenary.text.Fold;
import plenary.text.Revision;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The documents of a draft, current or historic, for every reader of the query side (the JSON document, the
 * exports, history). A historic version is the nearest snapshot at or before it, with the events since then
 * folded again by the same fold that built the current document: so it is exactly what readers saw then. Those
 * events come from the one event log, the event store, read through Axon's serializer and upcasters exactly as
 * the projection received them; the read model's {@code draft_event} only answers clients catching up.
 */
@Component
public class DraftDocuments {

    /** One event of a draft's history, with the document before and after it. */
    public record Step(Document before, Document after, DraftEvent event, Instant at) {

        public long version() {
            return after.version();
        }

        public Actor actor() {
            return event.actor();
        }
    }

    private final DraftTable table;
    private final FoldedDrafts folded;
    private final Snapshots snapshots;
    private final ObjectMapper json;
    /** The one event log's events, whose past states fold again. */
    private final PastEvents events;

    DraftDocuments(DraftTable table, FoldedDrafts folded, Snapshots snapshots, ObjectMapper json, PastEvents events) {
        this.table = table;
        this.folded = folded;
        this.snapshots = snapshots;
        this.json = json;
        this.events = events;
    }

    /** @throws UnknownDraft when there is no such draft, or it had not reached the state asked for */
    public Document document(String draftId, Selector selector) {
        if (selector.current()) {
            return current(draftId);
        }
        long version = version(draftId, selector);
        // versions only grow: a draft held in memory at this version or later has reached it, with no query
        Optional<Document> held = folded.current(draftId).filter(d -> d.version() >= version);
        if (held.isPresent()) {
            return held.get().version() == version ? held.get() : past(draftId, version);
        }
        // a past state needs the current version only: parsing a large current document would cost more than the fold
        long currentVersion = version(draftId);
        if (version > currentVersion) {
            throw new UnknownDraft("draft " + draftId + " has " + currentVersion + " versions, not " + version);
        }
        if (version == currentVersion) {
            Document current = current(draftId);
            if (current.version() == version) {
                return current;
            }
        }
        return past(draftId, version);
    }

    /** The draft at a version before its current one: the nearest snapshot, and the events since folded again. */
    private Document past(String draftId, long version) {
        Document doc = fold(draftId, snapshots.nearest(draftId, version).orElse(null), version, step -> { });
        if (doc == null || doc.version() != version) {
            throw new IllegalStateException("the read model of draft " + draftId + " lacks events before version "
                    + version + "; rebuild it");
        }
        return doc;
    }

    /**
     * The current document: from memory when it holds the version the table has (one short query; another node
     * may have written the table), otherwise read from the table and kept.
     */
    private Document current(String draftId) {
        long version = version(draftId);
        Optional<Document> held = folded.current(draftId).filter(d -> d.version() == version);
        if (held.isPresent()) {
            return held.get();
        }
        Document read = table.document(draftId).orElseThrow(() -> new UnknownDraft("there is no draft " + draftId));
        folded.keep(read);
        return read;
    }

    /** The version a selector names: a revision's, the one asked for, or the last one at an instant. */
    private long version(String draftId, Selector selector) {
        if (selector.revision() != null) {
            return current(draftId).revision(selector.revision()).map(Revision::version)
                    .orElseThrow(() -> new UnknownDraft("draft " + draftId + " has no revision " + selector.revision()));
        }
        if (selector.version() != null) {
            return selector.version();
        }
        return table.versionAt(draftId, selector.at()).orElseThrow(() ->
                new UnknownDraft("draft " + draftId + " did not exist yet at " + selector.at()));
    }

    /** The draft's current version, without reading its document. */
    public long version(String draftId) {
        return table.version(draftId).orElseThrow(() -> new UnknownDraft("there is no draft " + draftId));
    }

    /** Folds {@code from} onwards up to version {@code to}, telling each step; answers the document at {@code to}. */
    public Document replay(Document from, long to, Consumer<Step> steps) {
        return fold(from.draftId(), from, to, steps);
    }

    /**
     * The one loop that folds stored events again: from {@code from} (null: the first event) up to {@code to}.
     * Version v is the event with sequence number v - 1.
     */
    private Document fold(String draftId, Document from, long to, Consumer<Step> steps) {
        Document doc = from;
        for (PastEvents.Stored stored : events.between(draftId, from == null ? 0 : from.version(), to)) {
            Document after = Fold.apply(doc, stored.event());
            steps.accept(new Step(doc, after, stored.event(), stored.at()));
            doc = after;
        }
        return doc;
    }

    /** Asked for a draft, or a state of it, that does not exist: 404. */
    public static final class UnknownDraft extends NoSuchElementException {
        public UnknownDraft(String message) {
            super(message);
        }
    }
}
