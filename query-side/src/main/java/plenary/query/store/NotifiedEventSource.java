package plenary.query.store;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as a tracking processor's source. When it has caught up it sleeps until PostgreSQL notifies
 * a commit to the event table, instead of polling every second. The notification only wakes it: the events
 * are always read from the store with the processor's own token, and it also looks again after
 * {@code fallback} without one, so a lost notification costs latency, never an event.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

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

        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> open = Stream.empty();
        private Iterator<? extends TrackedEventMessage<?>> batch = Collections.emptyIterator();
        private TrackedEventMessage<?> next;

        EventStream(TrackingToken from) {
            this.last = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return next != null || fetch() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                long seen = signal.count();
                if (next != null || fetch()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.awaitChange(seen, Math.min(left, fallbackNanos));
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the processor asked for the next event, whenever it comes
            }
            TrackedEventMessage<?> message = next;
            next = null;
            last = message.trackingToken();
            return message;
        }

        @Override
        public void close() {
            open.close();
        }

        /** Takes the next event of the current read, or reads again from the last token handed out. */
        private boolean fetch() {
            if (!batch.hasNext()) {
                open.close();
                open = storage.readEvents(last, false);
                batch = open.iterator();
            }
            if (batch.hasNext()) {
                next = batch.next();
                return true;
            }
            return false;
        }
    }
}
