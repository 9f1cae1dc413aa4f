package plenary.query.rebuild;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import plenary.query.drafting.ReadModelAside;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds every read model of the "drafts" processor from the first event, aside ({@link ReadModelAside}): the live
 * tables serve readers and follow new events meanwhile, and the rebuilt ones replace them in one short transaction,
 * which readers and the projection wait for. Readers never see a draft vanish or go back; live clients are told
 * nothing by the rebuild, since nothing new happened. One rebuild at a time across the query-side nodes: it holds a PostgreSQL
 * advisory lock, freed if its node dies.
 */
@Component
class Rebuild {

    enum State { IDLE, REBUILDING, DONE, FAILED }

    /**
     * {@code position}: the global index replayed up to, of {@code head} when the rebuild began (indexes may have
     * gaps, e.g. from appends refused on a conflict); {@code events}: the draft events folded since it began, those
     * that arrived meanwhile included; {@code problem}: why it failed, the live read model untouched.
     */
    record Progress(State state, long events, long position, long head, int percent, Instant startedAt,
                    Instant finishedAt, Double eventsPerSecond, String problem) {
    }

    /** The advisory lock a rebuild holds: "plenary rebuild" hashed, in no other use. */
    private static final long LOCK = 0x706c656e61727952L;
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final EventStorageEngine store;
    private final ReadModelAside aside;
    private final DataSource dataSource;
    private volatile Progress progress = new Progress(State.IDLE, 0, 0, 0, 0, null, null, null, null);

    Rebuild(EventStorageEngine store, ReadModelAside aside, DataSource dataSource) {
        this.store = store;
        this.aside = aside;
        this.dataSource = dataSource;
    }

    synchronized Progress start() {
        if (progress.state() == State.REBUILDING) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild is already running");
        }
        Connection lock = lock();
        TrackingToken headToken = store.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        Instant started = Instant.now();
        progress = new Progress(State.REBUILDING, 0, 0, head, head == 0 ? 100 : 0, started, null, null, null);
        log.info("rebuilding the read models aside from the first event; the head is at global index {}", head);
        Thread worker = new Thread(() -> run(lock, head, started), "plenary-rebuild");
        worker.setDaemon(true);
        worker.start();
        return progress;
    }

    Progress progress() {
        return progress;
    }

    private void run(Connection lock, long head, Instant started) {
        long[] lastLog = {System.nanoTime()};
        try {
            long events = aside.rebuild((folded, position) -> {
                long reached = Math.min(position, head);
                progress = new Progress(State.REBUILDING, folded, reached, head,
                        head == 0 ? 100 : (int) (reached * 100 / head), started, null, null, null);
                if (System.nanoTime() - lastLog[0] > 1_000_000_000L) {
                    lastLog[0] = System.nanoTime();
                    log.info("rebuild: {} events folded, at {} of {} ({}%)", folded, reached, head,
                            progress.percent());
                }
            });
            Instant finished = Instant.now();
            double rate = events / Math.max(0.001, Duration.between(started, finished).toNanos() / 1e9);
            progress = new Progress(State.DONE, events, head, head, 100, started, finished, rate, null);
            log.info("rebuild done: {} events in {} ms, {} events/s, switched in", events,
                    Duration.between(started, finished).toMillis(), Math.round(rate));
        } catch (RuntimeException e) {
            log.error("rebuild failed; the live read model is untouched", e);
            Progress p = progress;
            progress = new Progress(State.FAILED, p.events(), p.position(), head, p.percent(), started,
                    Instant.now(), null, e.getMessage());
        } finally {
            unlock(lock);
        }
    }

    /** Frees the lock before the connection goes back to the pool, where it would hold it on. */
    private static void unlock(Connection lock) {
        try (lock; Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            log.warn("could not free the rebuild's lock: {}", e.getMessage());
        }
    }

    /** One connection holding the rebuild's session-level advisory lock, until it is closed. */
    private Connection lock() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return connection;
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild's lock: " + e.getMessage(), e);
        }
        throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild is already running on another node");
    }
}
