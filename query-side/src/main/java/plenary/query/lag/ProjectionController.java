package plenary.query.lag;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/admin/projection}: whether the drafts processor is running or retrying after an error, how many
 * events it is behind the store, and each draft held in the dead-letter queue with its first held version, the
 * cause and the tries so far.
 */
@RestController
class ProjectionController {

    record Held(String draftId, long fromVersion, long events, String cause, int retries, Instant lastTried) {
    }

    record Projection(String processor, boolean running, boolean error, long behind, List<Held> deadLetters) {
    }

    private final Configuration axon;
    private final EventStorageEngine storage;

    ProjectionController(Configuration axon, EventStorageEngine storage) {
        this.axon = axon;
        this.storage = storage;
    }

    @GetMapping("/api/admin/projection")
    Projection projection() {
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(DeadLetterConfig.DRAFTS, TrackingEventProcessor.class).orElseThrow();
        TrackingToken head = storage.createHeadToken();
        long headPosition = head == null ? 0 : head.position().orElse(0);
        long behind = processor.processingStatus().values().stream()
                .mapToLong(s -> headPosition - (s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : 0))
                .max().orElse(headPosition);
        List<Held> held = new ArrayList<>();
        SequencedDeadLetterQueue<EventMessage<?>> queue = axon.eventProcessingConfiguration()
                .deadLetterQueue(DeadLetterConfig.DRAFTS).orElse(null);
        if (queue != null) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                DeadLetter<? extends EventMessage<?>> firstLetter = null;
                long events = 0;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    firstLetter = firstLetter == null ? letter : firstLetter;
                    events++;
                }
                if (firstLetter != null && firstLetter.message() instanceof org.axonframework.eventhandling.DomainEventMessage<?> e) {
                    held.add(new Held(e.getAggregateIdentifier(), e.getSequenceNumber() + 1, events,
                            firstLetter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                            DeadLetterConfig.retries(firstLetter), firstLetter.lastTouched()));
                }
            }
        }
        return new Projection(DeadLetterConfig.DRAFTS, processor.isRunning(), processor.isError(), Math.max(0, behind),
                held);
    }
}
