package plenary.query.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import plenary.drafting.DraftEvent;
import plenary.text.Document;
import plenary.text.Fold;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The read model built aside from the event store, then switched in: what a rebuild does, while the live tables go
 * on serving readers and the live projection goes on writing them. Every table of the drafts projection (each
 * draft's document and events, and each {@link FoldListener}'s table) is made again, empty, in the schema
 * {@value #ASIDE}, and filled from the first event in chunks: each draft folded once in memory, the rows of a chunk
 * copied in with one {@code COPY} per table, each draft's document written once per chunk (only what changed). The
 * rows are the very ones the live projection writes ({@link DraftProjection#change}, {@link FoldListener#row}).
 * The build follows the events the live processor has folded, as its token says, and no others. Once it has caught
 * up, one short transaction takes the live tables (readers and the projection wait for it), folds the last few
 * events the live processor folded meanwhile, and moves the aside tables in and the live ones out. The processor,
 * on whichever node holds its claim, goes on from its own token: readers see every draft before, and the same
 * draft at the same version after; no event is folded twice or skipped, and live clients miss nothing.
 */
@Component
public class ReadModelAside {

    static final String ASIDE = "plenary_aside";
    static final String RETIRED = "plenary_retired";
    static final String PROCESSOR = "drafts";
    private static final Logger log = LoggerFactory.getLogger(ReadModelAside.class);
    /** A chunk's rows are copied once they take this much. */
    private static final int CHUNK_BYTES = 16 << 20;
    /** How long the switch waits for the live tables before trying again (under deadlock_timeout's 1 s default). */
    private static final String LOCK_TIMEOUT = "500ms";

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcClient db;
    /** The event store as the live processor reads it, but in batches of {@code plenary.rebuild.fetch} events. */
    private final EventStorageEngine store;
    private final Serializer serializer;
    private final DraftTable table;
    private final FoldedDrafts folded;
    private final Snapshots snapshots;
    private final ObjectMapper json;
    private final List<FoldListener> listeners;
    private final int chunk;
    private final long heldParagraphs;
    private final int threads;
    /** The events whose rows one task makes, on one of the build's threads. */
    private final int block;

    ReadModelAside(DataSource dataSource, PlatformTransactionManager transactions, ConnectionProvider connections,
                   org.axonframework.common.transaction.TransactionManager axonTransactions,
                   @Qualifier("eventSerializer") Serializer eventSerializer, List<EventUpcaster> upcasters,
                   @Qualifier("serializer") Serializer serializer, DraftTable table, FoldedDrafts folded,
                   Snapshots snapshots, ObjectMapper json, List<FoldListener> listeners,
                   @Value("${plenary.rebuild.chunk:10000}") int chunk,
                   @Value("${plenary.query.folded-paragraphs:20000}") long heldParagraphs,
                   @Value("${plenary.rebuild.threads:0}") int threads,
                   @Value("${plenary.rebuild.block:256}") int block,
                   @Value("${plenary.rebuild.fetch:500}") int fetch) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactions);
        this.db = JdbcClient.create(dataSource);
        // Axon's engine fetches 100 events a query, each query in a transaction of its own: a tenth of the reading;
        // not many more, since a chunk's end throws away what was fetched past it
        this.store = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(axonTransactions).eventSerializer(eventSerializer)
                .snapshotSerializer(serializer).upcasterChain(new EventUpcasterChain(upcasters))
                .batchSize(Math.max(1, fetch)).build();
        this.serializer = serializer;
        this.table = table;
        this.folded = folded;
        this.snapshots = snapshots;
        this.json = json;
        this.listeners = listeners.stream().map(ReadModelAside::target).toList();
        this.chunk = chunk;
        this.heldParagraphs = heldParagraphs;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.block = Math.max(1, block);
    }

    /**
     * The listener itself, not the proxy that translates a repository's database exceptions: making a row touches no
     * database, and going through the proxy took a tenth of making the rows (JFR).
     */
    private static FoldListener target(FoldListener listener) {
        return AopProxyUtils.getSingletonTarget(listener) instanceof FoldListener target ? target : listener;
    }

    /**
     * Builds every table aside up to where the live processor has got, then switches them in; tells {@code progress}
     * the events folded and the global index reached after each chunk. Run one at a time (the caller holds a lock for
     * it). Answers the draft events folded.
     */
    public long rebuild(BiConsumer<Long, Long> progress) {
        String live = db.sql("SELECT current_schema()").query(String.class).single();
        String path = db.sql("SELECT current_setting('search_path')").query(String.class).single();
        List<FoldListener.Table> tables = new ArrayList<>();
        DraftTable.TABLES.forEach(name -> tables.add(new FoldListener.Table(name)));
        listeners.forEach(listener -> tables.add(listener.table()));
        transactions.executeWithoutResult(status -> {
            db.sql("DROP SCHEMA IF EXISTS " + ASIDE + " CASCADE").update();
            db.sql("DROP SCHEMA IF EXISTS " + RETIRED + " CASCADE").update();
            db.sql("CREATE SCHEMA " + ASIDE).update();
            for (FoldListener.Table t : tables) {
                db.sql("CREATE TABLE " + ASIDE + "." + t.name() + " (LIKE " + live + "." + t.name() + " INCLUDING ALL)")
                        .update();
            }
        });
        // lz4 where PostgreSQL has it: most rows are over the TOAST threshold, and pglz compressing them took much of
        // each COPY; readers read either the same
        String compression = db.sql("""
                SELECT 'lz4' FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)""")
                .query(String.class).optional().orElse(null);
        Build build = new Build(path, compression, progress);
        try (build) {
            while (Boolean.TRUE.equals(transactions.execute(status -> build.chunk(liveToken(false), false)))) {
                // each chunk commits aside; the live tables are untouched
            }
            build.copied();
            long analyzing = System.nanoTime();
            analyze(tables);
            build.time.analyze += System.nanoTime() - analyzing;
            long switching = System.nanoTime();
            switchIn(build, live, tables);
            build.time.switchIn += System.nanoTime() - switching;
            log.info("rebuild aside: {} events; {}", build.events, build.time);
            return build.events;
        } catch (RuntimeException e) {
            try {
                // the build has closed: its threads stopped, its copying connection given back
                db.sql("DROP SCHEMA IF EXISTS " + ASIDE + " CASCADE").update();
            } catch (DataAccessException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Gives the planner the statistics of the tables readers are about to get (their rows, and what their keys hold),
     * as it had them of the live ones. Only the columns that are not JSON: readers look rows up by the others, and
     * analysing a JSON column reads and compares every sampled document, which took seconds, more than the build.
     * The tables on {@link #threads} connections at once: each ANALYZE works on one core.
     */
    private void analyze(List<FoldListener.Table> tables) {
        ExecutorService analysing = Executors.newFixedThreadPool(Math.min(threads, tables.size()));
        try {
            List<Future<?>> each = new ArrayList<>();
            for (FoldListener.Table t : tables) {
                each.add(analysing.submit(() -> {
                    List<String> columns = db.sql("""
                            SELECT column_name FROM information_schema.columns
                            WHERE table_schema = ? AND table_name = ? AND data_type <> 'jsonb' ORDER BY ordinal_position""")
                            .params(ASIDE, t.name()).query(String.class).list();
                    db.sql("ANALYZE " + ASIDE + "." + t.name()
                            + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")")).update();
                }));
            }
            each.forEach(Build::done);
        } finally {
            analysing.shutdownNow();
        }
    }

    /**
     * In one transaction: takes the live tables, then the processor's token (giving up after {@value #LOCK_TIMEOUT}
     * and trying again, so that a projecting batch that holds one of the tables never deadlocks with it), folds the
     * events the live processor has folded since the last chunk (those and no others), and swaps the tables. The
     * processor, on this node or another, then goes on from its own token against the tables switched in, which hold
     * exactly what the live ones held, rebuilt: no event is folded twice or skipped, and live clients miss nothing.
     */
    private void switchIn(Build build, String live, List<FoldListener.Table> tables) {
        String liveTables = String.join(", ", tables.stream().map(t -> live + "." + t.name()).toList());
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> {
                    db.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
                    db.sql("LOCK TABLE " + liveTables + " IN ACCESS EXCLUSIVE MODE").update();
                    TrackingToken seen = liveToken(true);
                    db.sql("SET LOCAL lock_timeout = 0").update();
                    while (build.chunk(seen, true)) {
                        // the last few events, folded with the live tables held
                    }
                    db.sql("CREATE SCHEMA " + RETIRED).update();
                    for (FoldListener.Table t : tables) {
                        db.sql("ALTER TABLE " + live + "." + t.name() + " SET SCHEMA " + RETIRED).update();
                        db.sql("ALTER TABLE " + ASIDE + "." + t.name() + " SET SCHEMA " + live).update();
                    }
                    db.sql("DROP SCHEMA " + ASIDE).update();
                });
                // the retired tables dropped once readers have the new ones, not while they wait for them; should
                // it fail, the next rebuild drops them first
                try {
                    db.sql("DROP SCHEMA " + RETIRED + " CASCADE").update();
                } catch (DataAccessException e) {
                    log.warn("rebuild: could not drop the retired tables: {}", e.getMessage());
                }
                // the same documents, rebuilt; but a rebuild after a change to the fold must not serve the old ones
                folded.forget();
                snapshots.forget();
                return;
            } catch (DataAccessException e) {
                if (!lockNotAvailable(e) || attempt >= 100) {
                    throw e;
                }
                log.info("rebuild: the live tables are busy, switching again (attempt {})", attempt);
                build.rollBack();
            }
        }
    }

    /**
     * How far the live drafts processor has got, as its token store has it (null: nowhere yet); {@code lock}: holding
     * its row until the transaction ends, so that no batch commits past it meanwhile.
     */
    private TrackingToken liveToken(boolean lock) {
        List<TrackingToken> found = db.sql("SELECT token, tokenType FROM tokenentry WHERE processorName = ?"
                        + (lock ? " FOR UPDATE" : ""))
                .param(PROCESSOR)
                .query((rs, i) -> rs.getBytes(1) == null ? null : serializer.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)))
                .list();
        if (found.size() > 1) {
            throw new IllegalStateException("the drafts processor runs in " + found.size()
                    + " segments; a rebuild aside follows one");
        }
        return found.isEmpty() ? null : WrappedToken.unwrapLowerBound(found.get(0));
    }

    /** Whether the live processor, at {@code live}, has handled the event at global index {@code index}. */
    private static boolean seen(TrackingToken live, long index) {
        if (live instanceof GapAwareTrackingToken gaps) {
            return index <= gaps.getIndex() && !gaps.getGaps().contains(index);
        }
        return live != null && index <= live.position().orElse(-1);
    }

    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One event folded, with the document before and after it: what its rows are made from. Its timestamp is parsed
     * when first asked, by the thread making its rows rather than the one reading ahead.
     */
    private record Folded(Document before, Document after, DraftEvent event, EventMessage<?> message) {

        Instant at() {
            return message.getTimestamp();
        }
    }

    /** The rows of a block of events, by table, and their size in bytes. */
    private record Made(Map<String, CopyRows> rows, long bytes) {
    }

    /**
     * One build aside: the drafts folded so far, the token reached, the rows not yet copied. The building thread
     * reads and folds the events in order, since each needs the document before it; the rows, which need only the
     * documents before and after, are made by {@link #threads} threads a block at a time; and a chunk's rows are
     * copied on a connection of their own while the next chunk is folded. The last chunks, folded while the switch
     * holds the live tables, are copied in its transaction, so that they go if it rolls back.
     */
    private final class Build implements AutoCloseable {

        /** Set LOCAL in each transaction: the aside tables first, the rest (the event store, tokens) as usual. */
        private final String searchPath;
        /** How PostgreSQL compresses the long values written aside (null: as it does by default). */
        private final String compression;
        private final BiConsumer<Long, Long> progress;
        /** Each draft's document as last folded, least recently folded first; evicted ones are read back aside. */
        private final LinkedHashMap<String, Document> held = new LinkedHashMap<>(64, 0.75f, true);
        private long paragraphs;
        /** The drafts folded in this chunk, with their document as stored aside before it (null: none yet). */
        private final Map<String, Document> storedBefore = new LinkedHashMap<>();
        /** The last event folded of each draft in this chunk: when it happened is when the draft was last updated. */
        private final Map<String, EventMessage<?>> lastAt = new HashMap<>();
        private Map<String, CopyRows> rows = new LinkedHashMap<>();
        /** The events folded and not yet handed to a thread, the blocks being made, and the bytes of those made. */
        private List<Folded> unmade = new ArrayList<>(block);
        private final Deque<Future<Made>> making = new ArrayDeque<>();
        private long made;
        private final ExecutorService makers;
        private final ExecutorService copier;
        private final ExecutorService reader;
        /** The copying of the last chunk (null: none) and the connection it copies on (null: none yet). */
        private Future<?> copying;
        private Connection copyConnection;
        /** The token of the last event folded (null: none yet), and of the last one committed aside. */
        TrackingToken token;
        private TrackingToken committedToken;
        long events;
        private long committedEvents;
        final Timing time = new Timing();

        Build(String searchPath, String compression, BiConsumer<Long, Long> progress) {
            this.searchPath = searchPath;
            this.compression = compression;
            this.progress = progress;
            AtomicInteger n = new AtomicInteger();
            this.makers = Executors.newFixedThreadPool(threads, r -> daemon(r, "plenary-rebuild-rows-" + n.incrementAndGet()));
            this.copier = Executors.newSingleThreadExecutor(r -> daemon(r, "plenary-rebuild-copy"));
            this.reader = Executors.newSingleThreadExecutor(r -> daemon(r, "plenary-rebuild-read"));
        }

        private static Thread daemon(Runnable r, String name) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }

        /**
         * Folds and writes aside the next chunk of events, in the caller's transaction; whether the chunk was full
         * (there may be more). The token moves on once the transaction commits.
         */
        boolean chunk(TrackingToken live, boolean last) {
            db.sql("SELECT set_config('search_path', ?, true)").param(ASIDE + ", " + searchPath).query(String.class)
                    .single();
            if (compression != null) {
                db.sql("SELECT set_config('default_toast_compression', ?, true)").param(compression)
                        .query(String.class).single();
            }
            TrackingToken reached = token;
            int read = 0;
            made = 0;
            try (Ahead messages = new Ahead(token)) {
                for (TrackedEventMessage<?> message; read < chunk && made < CHUNK_BYTES
                        && (message = messages.next()) != null; ) {
                    long index = message.trackingToken().position().orElseThrow();
                    if (!seen(live, index)) {
                        // not yet folded live: later, or (the last chunks, the live tables held) never in this build
                        if (last && live != null && index < live.position().orElse(-1)) {
                            continue;
                        }
                        break;
                    }
                    read++;
                    reached = message.trackingToken();
                    fold(message);
                }
            }
            flush(last);
            token = reached;
            TrackingToken committed = reached;
            long folded = events;
            long position = reached == null ? 0 : reached.position().orElse(0);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committedToken = committed;
                    committedEvents = folded;
                    progress.accept(folded, position);
                }
            });
            return read == chunk || made >= CHUNK_BYTES;
        }

        /** Folds one event as the live projection does, and hands it on to have its rows made. */
        private void fold(TrackedEventMessage<?> message) {
            long decoding = System.nanoTime();
            if (!(message instanceof DomainEventMessage<?> domain) || !(message.getPayload() instanceof DraftEvent event)) {
                return;
            }
            long version = domain.getSequenceNumber() + 1;
            String draftId = event.draftId();
            Document current = held.get(draftId);
            if (current == null && version > 1) {
                current = table.document(draftId).orElse(null);
                if (current != null) {
                    hold(current);
                }
            }
            if (current != null && current.version() >= version) {
                return;
            }
            if (version > 1 && current == null) {
                throw new IllegalStateException("event " + version + " of unknown draft " + draftId);
            }
            Document before = version == 1 ? null : current;
            long folding = System.nanoTime();
            time.decode += folding - decoding;
            Document after = Fold.apply(before, event);
            time.fold += System.nanoTime() - folding;
            unmade.add(new Folded(before, after, event, message));
            if (unmade.size() == block) {
                handOn();
            }
            if (!storedBefore.containsKey(draftId)) {
                storedBefore.put(draftId, before);
            }
            lastAt.put(draftId, message);
            hold(after);
            events++;
        }

        /**
         * The events from {@code from} on, read and decoded (Axon deserialises a payload and parses a timestamp when
         * first asked) on a thread of their own, a little ahead of the building thread, which folds them meanwhile.
         * Closing it stops the reading; the next chunk reads on from its own token.
         */
        private final class Ahead implements AutoCloseable {

            private static final Object END = new Object();
            private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1000);
            private final Future<?> reading;
            private volatile boolean stop;
            private volatile RuntimeException failure;

            Ahead(TrackingToken from) {
                reading = reader.submit(() -> {
                    long started = System.nanoTime();
                    try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(from, false)) {
                        Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
                        while (!stop && messages.hasNext()) {
                            TrackedEventMessage<?> message = messages.next();
                            message.getPayload();
                            put(message);
                        }
                    } catch (RuntimeException | Error e) {
                        failure = e instanceof RuntimeException r ? r
                                : new IllegalStateException("could not read the events: " + e, e);
                    } finally {
                        time.readAhead.addAndGet(System.nanoTime() - started);
                        put(END);
                    }
                });
            }

            private void put(Object item) {
                try {
                    while (!stop && !queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        // the building thread is behind, or has stopped taking
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop = true;
                }
            }

            /** The next event, null after the last; the reading's failure is the build's. */
            TrackedEventMessage<?> next() {
                long waiting = System.nanoTime();
                try {
                    Object item = queue.take();
                    if (item == END) {
                        queue.add(END);
                        if (failure != null) {
                            throw failure;
                        }
                        return null;
                    }
                    return (TrackedEventMessage<?>) item;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the rebuild was interrupted", e);
                } finally {
                    time.read += System.nanoTime() - waiting;
                }
            }

            @Override
            public void close() {
                stop = true;
                queue.clear();
                try {
                    reading.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | CancellationException e) {
                    // what failed was told by next(), or the build is failing already
                }
            }
        }

        /** Hands the block on to a thread that makes its rows; takes in the blocks made, waiting if too many wait. */
        private void handOn() {
            if (unmade.isEmpty()) {
                return;
            }
            List<Folded> events = unmade;
            unmade = new ArrayList<>(block);
            making.add(makers.submit(() -> make(events)));
            while (!making.isEmpty() && (making.size() > 2 * threads || making.peek().isDone())) {
                takeIn(making.poll());
            }
        }

        /** The rows of a block of events: the very rows the live projection writes for them. */
        private Made make(List<Folded> events) {
            long started = System.nanoTime();
            Map<String, CopyRows> made = new LinkedHashMap<>();
            long bytes = 0;
            for (Folded f : events) {
                Instant at = f.at();
                // the payload written from the event, as valueToTree then writing the tree would, without the tree
                LiveChange change = DraftProjection.change(f.before(), f.after(), f.event(), at, (JsonNode) null);
                bytes += made.computeIfAbsent(DraftTable.EVENTS.name(), name -> new CopyRows(DraftTable.EVENTS, json))
                        .add(DraftTable.row(change, f.event(), CopyRows.Json::new));
                for (FoldListener listener : listeners) {
                    Object[] row = listener.row(f.before(), f.after(), f.event(), at);
                    if (row != null) {
                        bytes += made.computeIfAbsent(listener.table().name(), name -> new CopyRows(listener.table()))
                                .add(row);
                    }
                }
            }
            time.rows.addAndGet(System.nanoTime() - started);
            return new Made(made, bytes);
        }

        private void takeIn(Future<Made> block) {
            Made m = done(block);
            m.rows().forEach((name, r) -> rows.computeIfAbsent(name, n -> new CopyRows(r.table())).append(r));
            made += m.bytes();
        }

        /** Waits for a task of the build's threads; its failure is the build's. */
        private static <T> T done(Future<T> task) {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("the rebuild failed: " + e.getCause(), e.getCause());
            }
        }

        private void hold(Document document) {
            Document was = held.put(document.draftId(), document);
            paragraphs += weight(document) - (was == null ? 0 : weight(was));
        }

        /**
         * Copies the chunk's rows (on the copying connection, while the next chunk is folded; {@code last}: in the
         * caller's transaction), writes the documents it changed, and lets go of drafts beyond the bound.
         */
        private void flush(boolean last) {
            long waiting = System.nanoTime();
            handOn();
            while (!making.isEmpty()) {
                takeIn(making.poll());
            }
            Map<String, CopyRows> chunkRows = rows;
            rows = new LinkedHashMap<>();
            copied();
            time.waitRows += System.nanoTime() - waiting;
            if (last) {
                long copyingNow = System.nanoTime();
                var connection = DataSourceUtils.getConnection(dataSource);
                try {
                    copy(chunkRows, connection);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
                time.copy.addAndGet(System.nanoTime() - copyingNow);
            } else {
                copying = copier.submit(() -> {
                    long copyingThen = System.nanoTime();
                    if (copyConnection == null) {
                        copyConnection = dataSource.getConnection();
                        copyConnection.setAutoCommit(true);
                        if (compression != null) {
                            try (var set = copyConnection.prepareStatement(
                                    "SELECT set_config('default_toast_compression', ?, false)")) {
                                set.setString(1, compression);
                                set.execute();
                            }
                        }
                    }
                    copy(chunkRows, copyConnection);
                    time.copy.addAndGet(System.nanoTime() - copyingThen);
                    return null;
                });
            }
            long storing = System.nanoTime();
            storedBefore.forEach((draftId, before) -> table.store(before, held.get(draftId),
                    lastAt.get(draftId).getTimestamp()));
            time.documents += System.nanoTime() - storing;
            storedBefore.clear();
            lastAt.clear();
            for (Iterator<Document> eldest = held.values().iterator(); paragraphs > heldParagraphs && eldest.hasNext(); ) {
                paragraphs -= weight(eldest.next());
                eldest.remove();
            }
        }

        /** Waits until the rows of the chunks before are copied. */
        void copied() {
            if (copying != null) {
                long waiting = System.nanoTime();
                Future<?> last = copying;
                copying = null;
                done(last);
                time.waitCopy += System.nanoTime() - waiting;
            }
        }

        private static void copy(Map<String, CopyRows> rows, Connection connection) {
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                for (CopyRows r : rows.values()) {
                    r.copy(pg, ASIDE);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the rows aside: " + e.getMessage(), e);
            }
        }

        /** The transaction of a chunk rolled back: forget what it folded, and read the drafts back as stored. */
        void rollBack() {
            held.clear();
            paragraphs = 0;
            storedBefore.clear();
            lastAt.clear();
            making.forEach(m -> m.cancel(false));
            making.clear();
            unmade = new ArrayList<>(block);
            rows.clear();
            events = committedEvents;
            token = committedToken;
        }

        private static long weight(Document document) {
            return document.paragraphs().size() + 1L;
        }

        /** Stops the build's threads, and gives its copying connection back (a copy under way is cut short). */
        @Override
        public void close() {
            makers.shutdownNow();
            copier.shutdownNow();
            reader.shutdownNow();
            try {
                if (copying != null) {
                    copying.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                // the build failed already, or will say why
            }
            try {
                copier.awaitTermination(1, TimeUnit.MINUTES);
                if (copyConnection != null) {
                    Connection copied = copyConnection;
                    try (copied; var reset = copied.createStatement()) {
                        reset.execute("RESET default_toast_compression"); // the connection goes back to the pool
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                log.warn("rebuild: could not close the copying connection: {}", e.getMessage());
            }
        }
    }

    /**
     * Where a build's time went, logged once it is switched in. On the building thread: waiting for the events read
     * ahead, taking an event (the document before it, read back if it was let go), folding, writing the documents,
     * waiting for the rows and the copies of the chunk before, analysing the tables, switching; its CPU time, which
     * tells the work from the wait on a loaded machine. On the others: reading and decoding, making the rows, copying.
     */
    private static final class Timing {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long started = System.nanoTime();
        private final long cpuAtStart = THREADS.getCurrentThreadCpuTime();
        long read;
        long decode;
        long fold;
        long waitRows;
        long waitCopy;
        final AtomicLong rows = new AtomicLong();
        final AtomicLong readAhead = new AtomicLong();
        final AtomicLong copy = new AtomicLong();
        long documents;
        long analyze;
        long switchIn;

        @Override
        public String toString() {
            return String.format("%d ms: read %d, decode %d, fold %d, documents %d, waiting for rows %d and copies %d,"
                            + " analyze %d, switch %d; the building thread's CPU %d ms; read ahead in %d ms, rows made in"
                            + " %d ms (its threads), copied in %d ms", ms(System.nanoTime() - started), ms(read),
                    ms(decode), ms(fold), ms(documents), ms(waitRows), ms(waitCopy), ms(analyze), ms(switchIn),
                    ms(THREADS.getCurrentThreadCpuTime() - cpuAtStart), ms(readAhead.get()), ms(rows.get()),
                    ms(copy.get()));
        }

        private static long ms(long nanos) {
            return nanos / 1_000_000;
        }
    }
}
