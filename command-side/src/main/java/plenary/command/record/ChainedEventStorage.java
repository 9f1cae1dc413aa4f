package plenary.command.record;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import plenary.record.HashChain;
import plenary.record.StoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store, stamping each event of a draft with the next link of the draft's {@link HashChain} as it is
 * appended: the link is computed over the payload and metadata exactly as they are about to be stored.
 *
 * <p>No lock of its own is needed. Axon appends one draft's events under that draft's aggregate lock, and
 * across command-side instances the store's unique (aggregateIdentifier, sequenceNumber) key lets only one
 * event take each version: a link computed from a previous event that another instance has just superseded is
 * for a version that is taken, so its append fails and the command is refused with a conflict.
 */
final class ChainedEventStorage implements EventStorageEngine {

    private final EventStorageEngine store;
    private final Serializer serializer;

    ChainedEventStorage(EventStorageEngine store, Serializer serializer) {
        this.store = store;
        this.serializer = serializer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> heads = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                String draft = domain.getAggregateIdentifier();
                String previous = heads.containsKey(draft) ? heads.get(draft) : previousHash(domain);
                String hash = HashChain.link(previous, asStored(domain));
                heads.put(draft, hash);
                chained.add(domain.andMetaData(Map.of(HashChain.METADATA_KEY, hash)));
            } else {
                chained.add(event);
            }
        }
        store.appendEvents(chained);
    }

    /** The hash of the event before this one, read back from the store within the same transaction. */
    private String previousHash(DomainEventMessage<?> event) {
        if (event.getSequenceNumber() == 0) {
            return HashChain.GENESIS;
        }
        long previous = event.getSequenceNumber() - 1;
        DomainEventStream stored = store.readEvents(event.getAggregateIdentifier(), previous);
        if (!stored.hasNext() || stored.peek().getSequenceNumber() != previous) {
            throw new IllegalStateException("the record of draft " + event.getAggregateIdentifier()
                    + " has no version " + (previous + 1) + " to chain version " + (previous + 2) + " to");
        }
        Object hash = stored.next().getMetaData().get(HashChain.METADATA_KEY);
        // a draft recorded before the chain existed starts its chain here; verifying shows where
        return hash == null ? HashChain.GENESIS : hash.toString();
    }

    /** The event as the engine is about to store it: the time as it writes it (to the millisecond) included. */
    private StoredEvent asStored(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        return new StoredEvent(event.getAggregateIdentifier(), event.getType(), event.getSequenceNumber(),
                event.getIdentifier(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                payload.getType().getRevision(), StoredEvent.json(payload.getData()),
                StoredEvent.json(metaData.getData()));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return store.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
