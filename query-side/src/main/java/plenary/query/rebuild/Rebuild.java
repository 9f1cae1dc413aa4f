package plenary.query.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import plenary.drafting.DraftEvent;
import plenary.query.drafting.FoldListener;
import plenary.text.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model of the "drafts" processor from the first event: stops the processor, resets its
 * tokens (its reset handlers empty the tables) and starts it again, then follows the replay up to the head of
 * the event store as it was when the rebuild began. While it runs, readers see the drafts come back one event at
 * a time; live clients are told nothing, since nothing new happened.
 */
@Component
class Rebuild implements FoldListener {

    enum State { IDLE, REBUILDING, DONE }

    /**
     * {@code position}: the global index replayed up to, of {@code head} when the rebuild began (indexes may have
     * gaps, e.g. from appends refused on a conflict); {@code events}: the events folded since it began.
     */
    record Progress(State state, long events, long position, long head, int percent, Instant startedAt,
                    Instant finishedAt, Double eventsPerSecond) {
    }

    private record Run(long head, Instant startedAt, Instant finishedAt, long events) {
    }

    static final String PROCESSOR = "drafts";
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStorageEngine store;
    private final AtomicLong folded = new AtomicLong();
    private Run run;

    Rebuild(EventProcessingConfiguration processing, EventStorageEngine store) {
        this.processing = processing;
        this.store = store;
    }

    synchronized Progress start() {
        if (progress().state() == State.REBUILDING) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild is already running");
        }
        StreamingEventProcessor processor = processor();
        TrackingToken headToken = store.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        run = new Run(head, Instant.now(), null, 0);
        log.info("rebuilding the read models from the first event up to global index {}", head);
        Thread follower = new Thread(this::follow, "plenary-rebuild-progress");
        follower.setDaemon(true);
        follower.start();
        return progress();
    }

    synchronized Progress progress() {
        if (run == null) {
            return new Progress(State.IDLE, 0, 0, 0, 0, null, null, null);
        }
        Collection<EventTrackerStatus> segments = processor().processingStatus().values();
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        // caught up past the old head; Axon may keep its replay marker until the next new event arrives
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        if (run.finishedAt() == null && caughtUp && position >= run.head()) {
            run = new Run(run.head(), run.startedAt(), Instant.now(), folded.get());
        }
        long reached = run.finishedAt() != null ? run.head() : Math.min(position, run.head());
        int percent = run.head() == 0 ? 100 : (int) (reached * 100 / run.head());
        Double rate = run.finishedAt() == null ? null : run.events()
                / Math.max(0.001, Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1e9);
        return new Progress(run.finishedAt() == null ? State.REBUILDING : State.DONE,
                run.finishedAt() == null ? folded.get() : run.events(), reached, run.head(), percent,
                run.startedAt(), run.finishedAt(), rate);
    }

    /** Counts the events the projection folds: the reset at the start of a rebuild sets the count to zero. */
    @Override
    public void folded(Document before, Document after, DraftEvent event, Instant at) {
        folded.incrementAndGet();
    }

    @Override
    public void reset() {
        folded.set(0);
    }

    /** Notes the moment the replay reaches the head (to a tenth of a second), logging the progress every second. */
    private void follow() {
        try {
            Progress p = progress();
            for (int tick = 0; p.state() == State.REBUILDING; tick++) {
                if (tick % 10 == 0) {
                    log.info("rebuild: {} events folded, at {} of {} ({}%)", p.events(), p.position(), p.head(),
                            p.percent());
                }
                Thread.sleep(100);
                p = progress();
            }
            log.info("rebuild done: {} events in {} ms, {} events/s", p.events(),
                    Duration.between(p.startedAt(), p.finishedAt()).toMillis(), Math.round(p.eventsPerSecond()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '" + PROCESSOR + "'"));
    }
}
