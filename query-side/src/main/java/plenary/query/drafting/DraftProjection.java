package plenary.query.drafting;

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

    private record Unsaved(Document document, Instant at) {
    }

    private final DraftTable table;
    private final ObjectMapper json;
    private final LiveChannel live;
    private final List<FoldListener> listeners;
    private final RecentDocuments recent = new RecentDocuments(64);

    DraftProjection(DraftTable table, ObjectMapper json, LiveChannel live, List<FoldListener> listeners) {
        this.table = table;
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
        var change = new LiveChange(event.draftId(), version, event.getClass().getSimpleName(), event.actor(), at,
                json.valueToTree(event), after.status().name(), LiveChange.changedParagraphs(before, after),
                LiveChange.placed(before, after), LiveChange.removed(before, after));
        table.append(change);
        listeners.forEach(listener -> listener.folded(before, after, event, at));
        // memory last: an event that fails above leaves no trace here, so its retry folds it again
        save(after, at);
        live.afterCommit(change);
    }

    /** The draft as last folded: in this unit of work, just before, or as the table has it. */
    private Optional<Document> latest(String draftId, long version) {
        Unsaved unsaved = unsaved().get(draftId);
        return unsaved != null ? Optional.of(unsaved.document())
                : recent.before(draftId, version).or(() -> table.document(draftId));
    }

    private void save(Document document, Instant at) {
        recent.folded(document);
        if (CurrentUnitOfWork.isStarted()) {
            unsaved().put(document.draftId(), new Unsaved(document, at));
        } else {
            table.save(document, at);
        }
    }

    /**
     * The documents folded in the current unit of work, saved as it commits: the processor handles events in
     * batches, and a batch of a hundred events of one draft then writes its document once, not a hundred times.
     */
    private Map<String, Unsaved> unsaved() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        return uow.getOrComputeResource(UNSAVED, key -> {
            Map<String, Unsaved> documents = new LinkedHashMap<>();
            uow.onPrepareCommit(u -> documents.values().forEach(d -> table.save(d.document(), d.at())));
            uow.onRollback(u -> recent.forget());
            return documents;
        });
    }

    @ResetHandler
    void reset() {
        recent.forget();
        table.clear();
        listeners.forEach(FoldListener::reset);
    }
}
