package plenary.query.drafting;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Each draft's events as the event store gives them (through Axon's serializer and upcasters), kept in memory a
 * block at a time, the events from one snapshot to the next, for the next fold of a past state: reading and
 * upcasting a hundred events costs several times what folding them does, and readers of history step through
 * neighbouring versions. Events never change, so what is kept is always true. Bounded by the events it holds
 * ({@code plenary.history.events-cached}, 20,000 by default: a few megabytes), least recently used first out.
 */
@Component
class PastEvents {

    /** The event with sequence number {@code sequence}, that is version {@code sequence + 1}, stored at {@code at}. */
    record Stored(DraftEvent event, Instant at) {
    }

    private final EventStorageEngine store;
    private final int block;
    private final WeighedLru<String, List<Stored>> blocks;

    PastEvents(EventStorageEngine store, @Value("${plenary.history.snapshot-every:100}") int block,
               @Value("${plenary.history.events-cached:20000}") long capacity) {
        this.store = store;
        this.block = block;
        this.blocks = new WeighedLru<>(capacity, List::size);
    }

    /** The draft's events with sequence numbers from {@code from} up to, not including, {@code to}; fewer if it has fewer. */
    List<Stored> between(String draftId, long from, long to) {
        List<Stored> events = new ArrayList<>((int) Math.max(0, Math.min(to - from, block)));
        for (long sequence = from; sequence < to; ) {
            long start = sequence - sequence % block;
            long end = Math.min(to, start + block);
            List<Stored> kept = kept(draftId, start);
            if (kept == null || start + kept.size() < end) {
                kept = read(draftId, start);
            }
            int last = (int) Math.min(kept.size(), end - start);
            if (sequence - start >= last) {
                break; // the draft has no more
            }
            events.addAll(kept.subList((int) (sequence - start), last));
            if (last < end - start) {
                break;
            }
            sequence = end;
        }
        return events;
    }

    private synchronized List<Stored> kept(String draftId, long start) {
        return blocks.get(draftId + "@" + start);
    }

    /** Reads a block from the store and keeps it (a block at the head may be short, and is read again once it grows). */
    private List<Stored> read(String draftId, long start) {
        List<Stored> read = new ArrayList<>(block);
        DomainEventStream stream = store.readEvents(draftId, start);
        // counted, not peeked past: a look at the event after the block would fetch the store's next batch
        while (read.size() < block && stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() != start + read.size()) {
                throw new IllegalStateException("draft " + draftId + " lacks the event with sequence number "
                        + (start + read.size()) + " in the event store");
            }
            if (!(message.getPayload() instanceof DraftEvent event)) {
                throw new IllegalStateException("draft " + draftId + " holds " + message.getPayloadType().getName()
                        + " at sequence " + message.getSequenceNumber() + ", which is no draft event");
            }
            read.add(new Stored(event, message.getTimestamp()));
        }
        List<Stored> kept = List.copyOf(read);
        keep(draftId + "@" + start, kept);
        return kept;
    }

    private synchronized void keep(String key, List<Stored> events) {
        blocks.put(key, events);
    }
}
