package plenary.query.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.Fold;

import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Folds each draft's events into its current document with the shared {@link Fold}, keeps the events for
 * catching up and auditing, and tells live clients once the change is committed.
 */
@Component
@ProcessingGroup("drafts")
class DraftProjection {

    private static final String UNSAVED = DraftProjection.class.getName() + ".unsaved";

    /** A draft folded in this unit of work: as it was stored before it ({@code stored}), and as it is now. */
    private record Unsaved(Document stored, Document document, Instant at) {
    }

    /** What the current unit of work folded: each draft's document, and the rows that wait for the commit. */
    private record Pending(Map<String, Unsaved> documents, DraftTable.Writes rows) {
    }

    private final DraftTable table;
    private final ObjectMapper json;
    private final LiveChannel live;
    private final List<FoldListener> listeners;
    private final FoldedDrafts folded;

    DraftProjection(DraftTable table, FoldedDrafts folded, ObjectMapper json, LiveChannel live,
                    List<FoldListener> listeners) {
        this.table = table;
        this.folded = folded;
        this.json = json;
        this.live = live;
        this.listeners = listeners;
    }

    @EventHandler
    void on(DraftEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        Optional<Document> current = latest(event.draftId(), version);
        if (current.isPresent() && current.get().version() >= version) {
            return; // already folded: a redelivery after a processor restart (the first event included)
        }
        Document before = version == 1 ? null : current
                .orElseThrow(() -> new IllegalStateException("event " + version + " of unknown draft " + event.draftId()));
        Document after = Fold.apply(before, event);
        LiveChange change = change(before, after, event, at, json);
        // in a batch without savepoints nothing is dead-lettered, so the rows can wait for the batch's commit and
        // go with the documents in one round trip; in a savepoint, a failure must show here, in its event's handler
        boolean deferred = Unguarded.now();
        DraftTable.Writes rows = deferred ? unsaved().rows() : new DraftTable.Writes();
        table.append(change, rows);
        for (FoldListener listener : listeners) {
            Object[] row = listener.row(before, after, event, at);
            if (row != null) {
                table.insert(listener.table(), row, true, rows);
            }
        }
        if (!deferred) {
            table.flush(rows);
        }
        // memory last: an event that fails above leaves no trace here, so its retry folds it again
        save(before, after, at);
        live.afterCommit(change.lean());
    }

    /** What the event changed, as {@code draft_event} keeps it and live clients receive it: the same live and rebuilt. */
    static LiveChange change(Document before, Document after, DraftEvent event, Instant at, ObjectMapper json) {
        return change(before, after, event, at, json.valueToTree(event));
    }

    /** The same with {@code payload} for the event's payload (null: a rebuild writes it from the event itself). */
    static LiveChange change(Document before, Document after, DraftEvent event, Instant at, JsonNode payload) {
        return new LiveChange(after.draftId(), after.version(), event.getClass().getSimpleName(), event.actor(), at,
                payload, after.status().name(), LiveChange.changedParagraphs(before, after),
                LiveChange.placed(before, after), LiveChange.removed(before, after));
    }

    /**
     * The draft as last folded: in this unit of work, or as last committed if that is the version before this
     * event's, or as the table has it.
     */
    private Optional<Document> latest(String draftId, long version) {
        Unsaved unsaved = unsaved().documents().get(draftId);
        if (unsaved != null) {
            return Optional.of(unsaved.document());
        }
        return folded.current(draftId).filter(d -> d.version() == version - 1).or(() -> table.document(draftId));
    }

    private void save(Document before, Document after, Instant at) {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, Unsaved> documents = unsaved().documents();
            Unsaved earlier = documents.get(after.draftId());
            documents.put(after.draftId(), new Unsaved(earlier != null ? earlier.stored() : before, after, at));
        } else {
            table.store(before, after, at);
            folded.keep(after);
        }
    }

    /**
     * The documents folded in the current unit of work, stored as it commits: the processor handles events in
     * batches, and a batch of a hundred events of one draft then writes each paragraph it changed once. They are
     * kept in memory once committed, so that what is there was recorded. All of it goes in one round trip.
     */
    private Pending unsaved() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Pending(Map.of(), new DraftTable.Writes());
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource(UNSAVED, key -> {
            Pending pending = new Pending(new LinkedHashMap<>(), new DraftTable.Writes());
            uow.onPrepareCommit(u -> {
                pending.documents().values().forEach(d -> table.store(d.stored(), d.document(), d.at(), pending.rows()));
                table.flush(pending.rows());
            });
            uow.afterCommit(u -> pending.documents().values().forEach(d -> folded.keep(d.document())));
            return pending;
        });
    }

    @ResetHandler
    void reset() {
        folded.forget();
        table.clear(listeners.stream().map(listener -> listener.table().name()).toList());
    }
}
