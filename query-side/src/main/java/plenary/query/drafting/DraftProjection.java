package plenary.query.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.Fold;

import java.time.Instant;
import java.util.Optional;

/**
 * Folds each draft's events into its current document with the shared {@link Fold}, keeps the events for
 * catching up and auditing, and tells live clients once the change is committed.
 */
@Component
@ProcessingGroup("drafts")
class DraftProjection {

    private final DraftTable table;
    private final ObjectMapper json;
    private final LiveChannel live;

    DraftProjection(DraftTable table, ObjectMapper json, LiveChannel live) {
        this.table = table;
        this.json = json;
        this.live = live;
    }

    @EventHandler
    void on(DraftEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        Optional<Document> current = table.document(event.draftId());
        if (current.isPresent() && current.get().version() >= version) {
            return; // already folded: a redelivery after a processor restart (the first event included)
        }
        Document before = version == 1 ? null : current
                .orElseThrow(() -> new IllegalStateException("event " + version + " of unknown draft " + event.draftId()));
        Document after = Fold.apply(before, event);
        table.save(after, at);
        var recorded = new DraftTable.RecordedEvent(version, event.getClass().getSimpleName(), event.actor(), at,
                json.valueToTree(event), after.status().name(), LiveChange.changedParagraphs(before, after),
                LiveChange.order(before, after));
        table.append(event.draftId(), recorded);
        live.afterCommit(LiveChange.of(event.draftId(), recorded));
    }

    @ResetHandler
    void reset() {
        table.clear();
    }
}
