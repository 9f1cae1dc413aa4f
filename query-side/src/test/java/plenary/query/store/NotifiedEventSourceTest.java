package plenary.query.store;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import plenary.devdb.DevDatabase;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drafts processor's event source on a real PostgreSQL with both sides' migrations: a commit to the event
 * table wakes a caught-up stream through LISTEN/NOTIFY, long before its fallback poll; and when the notification
 * is lost, the fallback poll still finds the event.
 */
@Timeout(value = 60, unit = SECONDS)
class NotifiedEventSourceTest {

    private static final Duration LONG_FALLBACK = Duration.ofSeconds(30);
    private static final Duration SHORT_FALLBACK = Duration.ofMillis(200);

    private DevDatabase database;
    private JdbcEventStorageEngine storage;
    private CommitListener listener;

    @BeforeEach
    void setUp() {
        database = DevDatabase.forTests();
        DataSource dataSource =
                new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        // one database, two migration histories, as the two sides keep them
        Flyway.configure().dataSource(dataSource)
                .locations("filesystem:../command-side/src/main/resources/db/command")
                .table("flyway_history_command")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/query")
                .table("flyway_history_query")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        storage = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    @AfterEach
    void stopListener() {
        if (listener != null) {
            listener.stop();
        }
    }

    private CompletableFuture<Void> appendLater(String aggregate, long sequence, String payload) {
        return CompletableFuture.runAsync(() -> {
            pause(300);
            storage.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, sequence, payload));
        });
    }

    @Test
    void aCommitWakesACaughtUpStreamLongBeforeTheFallback() throws Exception {
        EventSignal signal = new EventSignal();
        NotifiedEventSource source = new NotifiedEventSource(storage, signal, LONG_FALLBACK);
        listener = new CommitListener(database.jdbcUrl(), database.username(), database.password(), signal);

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            assertThat(stream.hasNextAvailable(0, SECONDS)).as("an empty store has nothing yet").isFalse();

            listener.start();
            assertThat(listener.isRunning()).isTrue();
            // the listener signals once it is LISTENing; from then on, no commit goes unnoticed
            awaitSignal(signal, 0);
            long signalsBefore = signal.count();

            CompletableFuture<Void> append = appendLater("agg-1", 0, "first");
            long start = System.nanoTime();
            boolean available = stream.hasNextAvailable(5, SECONDS);
            long waited = System.nanoTime() - start;
            append.get(10, SECONDS);

            assertThat(available).isTrue();
            assertThat(Duration.ofNanos(waited)).isLessThan(LONG_FALLBACK);
            // hasNextAvailable looks once more when its time is up, so "available" alone would not prove the wake-up:
            // the signal only moves when the listener hears the trigger's NOTIFY (without the trigger this fails)
            assertThat(signal.count()).as("woken by the commit notification").isGreaterThan(signalsBefore);

            TrackedEventMessage<?> message = stream.nextAvailable();
            assertThat(message.getPayload()).isEqualTo("first");
            assertThat(message.getIdentifier()).isNotBlank();
            assertThat(stream.hasNextAvailable(0, SECONDS)).as("nothing else was appended").isFalse();

            // and the next commit wakes it again, from where it got to
            CompletableFuture<Void> second = appendLater("agg-1", 1, "second");
            assertThat(stream.hasNextAvailable(5, SECONDS)).isTrue();
            second.get(10, SECONDS);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        }

        listener.stop();
        assertThat(listener.isRunning()).isFalse();
    }

    @Test
    void aLostNotificationCostsLatencyNeverTheEvent() throws Exception {
        storage.appendEvents(new GenericDomainEventMessage<>("Test", "agg-1", 0, "before"));

        // no listener runs: nothing will ever fire this signal
        EventSignal silent = new EventSignal();
        NotifiedEventSource source = new NotifiedEventSource(storage, silent, SHORT_FALLBACK);

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            assertThat(stream.hasNextAvailable(0, SECONDS)).as("the head is past the existing event").isFalse();

            CompletableFuture<Void> append = appendLater("agg-1", 1, "unannounced");
            boolean available = stream.hasNextAvailable(5, SECONDS);
            append.get(10, SECONDS);

            assertThat(available).isTrue();
            assertThat(silent.count()).isZero();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("unannounced");
        }

        // from the tail, the same source reads everything there is, in order
        try (BlockingStream<TrackedEventMessage<?>> all = source.openStream(source.createTailToken())) {
            assertThat(all.nextAvailable().getPayload()).isEqualTo("before");
            assertThat(all.nextAvailable().getPayload()).isEqualTo("unannounced");
            assertThat(all.hasNextAvailable(300, TimeUnit.MILLISECONDS)).isFalse();
        }
    }

    @Test
    void aCaughtUpStreamReadsTheStoreAgainOnlyOnceACommitIsSignalled() throws Exception {
        storage.appendEvents(new GenericDomainEventMessage<>("Test", "agg-1", 0, "first"));
        JdbcEventStorageEngine counted = Mockito.spy(storage);
        EventSignal signal = new EventSignal();
        NotifiedEventSource source = new NotifiedEventSource(counted, signal, LONG_FALLBACK);

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
            // the tracking processor asks again and again whether there is more
            for (int i = 0; i < 10; i++) {
                assertThat(stream.hasNextAvailable(0, SECONDS)).isFalse();
                assertThat(stream.peek()).isEmpty();
            }
            Mockito.verify(counted, Mockito.times(1)).readEvents(Mockito.any(TrackingToken.class), Mockito.anyBoolean());

            storage.appendEvents(new GenericDomainEventMessage<>("Test", "agg-1", 1, "second"));
            signal.fire();
            assertThat(stream.peek().orElseThrow().getPayload()).isEqualTo("second");
            Mockito.verify(counted, Mockito.times(2)).readEvents(Mockito.any(TrackingToken.class), Mockito.anyBoolean());
        }
    }

    private static void awaitSignal(EventSignal signal, long seen) throws InterruptedException {
        signal.awaitChange(seen, SECONDS.toNanos(10));
        assertThat(signal.count()).as("the listener signals once it listens").isGreaterThan(seen);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
