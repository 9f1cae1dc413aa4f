package plenary.query.store;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as a tracking processor's source. When it has caught up it sleeps until PostgreSQL notifies
 * a commit to the event table, instead of polling every second. The notification only wakes it: the events
 * are always read from the store with the processor's own token, and it also looks again after
 * {@code fallback} without one, so a lost notification costs latency, never an event.
 */
class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final EventSignal signal;
    private final long fallbackNanos;

    NotifiedEventSource(EventStorageEngine storage, EventSignal signal, Duration fallback) {
        this.storage = storage;
        this.signal = signal;
        this.fallbackNanos = fallback.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new EventStream(token);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    private final class EventStream implements BlockingStream<TrackedEventMessage<?>> {

        /** Events are read at most this many at a time, so that a replay from the tail never fills memory. */
        private static final int READ_LIMIT = 1000;

        private final Deque<TrackedEventMessage<?>> read = new ArrayDeque<>();
        private TrackingToken last;
        /** The signal count when the store was last read to its end: until it moves, there is nothing new. */
        private long readToEndAt = -1;

        EventStream(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fetch(false) ? Optional.of(read.peek()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            boolean lookAnyway = false;
            while (true) {
                long seen = signal.count();
                if (fetch(lookAnyway)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // no signal within the fallback period: read anyway, in case a notification was lost
                lookAnyway = !signal.awaitChange(seen, Math.min(left, fallbackNanos));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the processor asked for the next event, whenever it comes
            }
            TrackedEventMessage<?> message = read.poll();
            last = message.trackingToken();
            return message;
        }

        @Override
        public void close() {
            read.clear();
        }

        /**
         * Whether an event is ready, reading the store from the last token handed out if none is and a commit was
         * signalled since the store was last read to its end (or {@code anyway}). The tracking processor asks
         * several times per event; without this it would query the store each time.
         */
        private boolean fetch(boolean anyway) {
            if (!read.isEmpty()) {
                return true;
            }
            long seen = signal.count();
            if (seen == readToEndAt && !anyway) {
                return false;
            }
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(last, false)) {
                events.limit(READ_LIMIT).forEach(read::add);
            }
            if (read.size() < READ_LIMIT) {
                readToEndAt = seen;
            }
            return !read.isEmpty();
        }
    }
}
