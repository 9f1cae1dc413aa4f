package plenary.query.history;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import plenary.record.CheckpointSigned;
import plenary.record.StoredEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A draft's events, and the checkpoints signed for it, exactly as the event store keeps them, read through Axon's JDBC engine but before any
 * upcaster: the hash chain certifies what was written, not how today's code reads it.
 */
@Component
class StoredRecord {

    private static final int PAGE = 500;

    private final RawEvents store;

    StoredRecord(ConnectionProvider connections, TransactionManager transactions,
                 @Qualifier("eventSerializer") Serializer serializer) {
        this.store = new RawEvents(JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer));
    }

    /** The draft's events in the order of their sequence numbers; empty when the store has none. */
    List<StoredEvent> events(String draftId) {
        return events(draftId, 0, Long.MAX_VALUE);
    }

    /** The event at one version of the draft, if the store has it. */
    Optional<StoredEvent> event(String draftId, long version) {
        return events(draftId, version - 1, 1).stream().filter(e -> e.version() == version).findFirst();
    }

    /**
     * The checkpoints signed for the draft, in the order they were stored (its checkpoint stream). A stored
     * checkpoint that is not one is reported, not skipped: IllegalArgumentException.
     */
    List<CheckpointSigned> checkpoints(String draftId) {
        return checkpoints(draftId, 0);
    }

    /** The checkpoints stored from place {@code first} (0 for the first) of the draft's checkpoint stream on. */
    List<CheckpointSigned> checkpoints(String draftId, long first) {
        return events(CheckpointSigned.streamOf(draftId), first, Long.MAX_VALUE).stream()
                .map(e -> CheckpointSigned.fromJson(e.payload())).toList();
    }

    private List<StoredEvent> events(String aggregate, long first, long count) {
        List<StoredEvent> events = new ArrayList<>();
        long next = first;
        while (events.size() < count) {
            List<? extends DomainEventData<?>> page = store.page(aggregate, next, (int) Math.min(PAGE, count));
            for (DomainEventData<?> e : page) {
                events.add(new StoredEvent(e.getAggregateIdentifier(), e.getType(), e.getSequenceNumber(),
                        e.getEventIdentifier(), e.getTimestamp().toString(), e.getPayload().getType().getName(),
                        e.getPayload().getType().getRevision(), StoredEvent.json((byte[]) e.getPayload().getData()),
                        StoredEvent.json((byte[]) e.getMetaData().getData())));
                next = e.getSequenceNumber() + 1;
            }
            if (page.size() < Math.min(PAGE, count)) {
                break;
            }
        }
        return events.size() > count ? events.subList(0, (int) count) : events;
    }

    /** Axon's engine opened up just enough to hand out the stored data instead of upcast messages. */
    private static final class RawEvents extends JdbcEventStorageEngine {

        RawEvents(Builder builder) {
            super(builder);
        }

        List<? extends DomainEventData<?>> page(String draftId, long firstSequenceNumber, int size) {
            return fetchDomainEvents(draftId, firstSequenceNumber, size);
        }
    }
}
