package plenary.command.record;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import plenary.record.CheckpointSigned;
import plenary.record.DatabaseLog;
import plenary.record.HashChain;
import plenary.record.MerkleTree;
import plenary.record.StoredEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event store, recording each event of a draft as its record requires, in the transaction that appends it:
 * stamped with the next link of the draft's {@link HashChain}, added as a leaf of its Merkle tree, and, when the
 * event issues a text or too many events have gone unsigned, followed by a checkpoint the secretariat's key signs
 * (stored in the draft's checkpoint stream; an event that issues a text also carries it in its metadata). The link
 * and the leaf are computed over the payload and metadata exactly as they are about to be stored.
 *
 * <p>No lock of its own is needed. Axon appends one draft's events under that draft's aggregate lock, and across
 * command-side instances the store's unique (aggregateIdentifier, sequenceNumber) key lets only one event take each
 * version, and only one checkpoint each place in a stream: an append built on a state another instance has just
 * superseded fails, and the command is refused with a conflict.
 */
final class ChainedEventStorage implements EventStorageEngine {

    private final EventStorageEngine store;
    private final Serializer serializer;
    private final ConnectionProvider connections;
    private final DraftLogs logs;
    private final Signer signer;

    ChainedEventStorage(EventStorageEngine store, Serializer serializer, ConnectionProvider connections,
                        DraftLogs logs, Signer signer) {
        this.store = store;
        this.serializer = serializer;
        this.connections = connections;
        this.logs = logs;
        this.signer = signer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, DraftLog> working = new LinkedHashMap<>();
        List<EventMessage<?>> recorded = new ArrayList<>(events.size());
        List<EventMessage<?>> checkpoints = new ArrayList<>();
        try (Connection connection = connections.getConnection()) {
            DatabaseLog database = new DatabaseLog(connection);
            for (EventMessage<?> event : events) {
                if (!(event instanceof DomainEventMessage<?> domain)
                        || CheckpointSigned.AGGREGATE_TYPE.equals(domain.getType())) {
                    recorded.add(event);
                    continue;
                }
                String draft = domain.getAggregateIdentifier();
                DraftLog draftLog = working.get(draft);
                if (draftLog == null) {
                    draftLog = logs.forAppend(database, draft, domain.getSequenceNumber());
                    working.put(draft, draftLog);
                }
                if (draftLog.size() != domain.getSequenceNumber()) {
                    throw new EventStoreException("event " + domain.getSequenceNumber() + " of draft " + draft
                            + " does not follow version " + draftLog.size());
                }
                StoredEvent stored = asStored(domain);
                String previous = draftLog.chainHead() == null ? HashChain.GENESIS : draftLog.chainHead();
                byte[] entry = HashChain.entry(stored);
                String hash = HashChain.link(previous, entry);
                draftLog.append(MerkleTree.leafHash(entry), hash);
                Map<String, Object> stamps = new HashMap<>();
                stamps.put(HashChain.METADATA_KEY, hash);
                String seal = Signer.seal(domain.getPayload());
                if (signer.due(draftLog, seal)) {
                    var checkpoint = signer.sign(database, draftLog, seal);
                    if (seal != null) {
                        stamps.put(HashChain.CHECKPOINT_KEY, checkpoint.getPayload().note());
                    }
                    checkpoints.add(checkpoint);
                    draftLog.signed();
                }
                recorded.add(Restamped.of(domain, stamps));
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot read the record to extend it: " + e.getMessage(), e);
        }
        recorded.addAll(checkpoints);
        store.appendEvents(recorded);
        keepOnceCommitted(working);
    }

    /** The logs become the signer's knowledge only if the events they describe are committed. */
    private void keepOnceCommitted(Map<String, DraftLog> working) {
        if (working.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> working.values().forEach(logs::keep));
            CurrentUnitOfWork.get().onRollback(u -> working.keySet().forEach(logs::forget));
        } else {
            working.values().forEach(logs::keep);
        }
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
