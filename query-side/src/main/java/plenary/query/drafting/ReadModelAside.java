package plenary.query.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final EventStorageEngine store;
    private final Serializer serializer;
    private final DraftTable table;
    private final FoldedDrafts folded;
    private final Snapshots snapshots;
    private final ObjectMapper json;
    private final List<FoldListener> listeners;
    private final int chunk;
    private final long heldParagraphs;

    ReadModelAside(DataSource dataSource, PlatformTransactionManager transactions, EventStorageEngine store,
                   @Qualifier("serializer") Serializer serializer, DraftTable table, FoldedDrafts folded,
                   Snapshots snapshots, ObjectMapper json, List<FoldListener> listeners,
                   @Value("${plenary.rebuild.chunk:10000}") int chunk,
                   @Value("${plenary.query.folded-paragraphs:20000}") long heldParagraphs) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactions);
        this.db = JdbcClient.create(dataSource);
        this.store = store;
        this.serializer = serializer;
        this.table = table;
        this.folded = folded;
        this.snapshots = snapshots;
        this.json = json;
        this.listeners = listeners;
        this.chunk = chunk;
        this.heldParagraphs = heldParagraphs;
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
        Build build = new Build(path, progress);
        try {
            while (Boolean.TRUE.equals(transactions.execute(status -> build.chunk(liveToken(false), false)))) {
                // each chunk commits aside; the live tables are untouched
            }
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
     */
    private void analyze(List<FoldListener.Table> tables) {
        for (FoldListener.Table t : tables) {
            List<String> columns = db.sql("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = ? AND table_name = ? AND data_type <> 'jsonb' ORDER BY ordinal_position""")
                    .params(ASIDE, t.name()).query(String.class).list();
            db.sql("ANALYZE " + ASIDE + "." + t.name() + (columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")"))
                    .update();
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
                    db.sql("DROP SCHEMA " + RETIRED + " CASCADE").update();
                    db.sql("DROP SCHEMA " + ASIDE).update();
                });
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

    /** One build aside: the drafts folded so far, the token reached, the rows not yet copied. */
    private final class Build {

        /** Set LOCAL in each transaction: the aside tables first, the rest (the event store, tokens) as usual. */
        private final String searchPath;
        private final BiConsumer<Long, Long> progress;
        /** Each draft's document as last folded, least recently folded first; evicted ones are read back aside. */
        private final LinkedHashMap<String, Document> held = new LinkedHashMap<>(64, 0.75f, true);
        private long paragraphs;
        /** The drafts folded in this chunk, with their document as stored aside before it (null: none yet). */
        private final Map<String, Document> storedBefore = new LinkedHashMap<>();
        private final Map<String, Instant> lastAt = new HashMap<>();
        private final Map<String, CopyRows> rows = new LinkedHashMap<>();
        /** The token of the last event folded (null: none yet), and of the last one committed aside. */
        TrackingToken token;
        private TrackingToken committedToken;
        long events;
        private long committedEvents;
        final Timing time = new Timing();

        Build(String searchPath, BiConsumer<Long, Long> progress) {
            this.searchPath = searchPath;
            this.progress = progress;
        }

        /**
         * Folds and writes aside the next chunk of events, in the caller's transaction; whether the chunk was full
         * (there may be more). The token moves on once the transaction commits.
         */
        boolean chunk(TrackingToken live, boolean last) {
            db.sql("SELECT set_config('search_path', ?, true)").param(ASIDE + ", " + searchPath).query(String.class)
                    .single();
            TrackingToken reached = token;
            int read = 0;
            long bytes = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(token, false)) {
                Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
                while (read < chunk && bytes < CHUNK_BYTES && time.reading(messages)) {
                    TrackedEventMessage<?> message = messages.next();
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
                    bytes += fold(message);
                }
            }
            flush();
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
            return read == chunk || bytes >= CHUNK_BYTES;
        }

        /** Folds one event as the live projection does; answers about how many bytes of rows it made. */
        private long fold(TrackedEventMessage<?> message) {
            long decoding = System.nanoTime();
            if (!(message instanceof DomainEventMessage<?> domain) || !(message.getPayload() instanceof DraftEvent event)) {
                return 0;
            }
            long version = domain.getSequenceNumber() + 1;
            Instant at = message.getTimestamp();
            String draftId = event.draftId();
            Document current = held.get(draftId);
            if (current == null && version > 1) {
                current = table.document(draftId).orElse(null);
                if (current != null) {
                    hold(current);
                }
            }
            if (current != null && current.version() >= version) {
                return 0;
            }
            if (version > 1 && current == null) {
                throw new IllegalStateException("event " + version + " of unknown draft " + draftId);
            }
            Document before = version == 1 ? null : current;
            long folding = System.nanoTime();
            time.decode += folding - decoding;
            Document after = Fold.apply(before, event);
            long making = System.nanoTime();
            time.fold += making - folding;
            long bytes = rows(DraftTable.EVENTS).add(table.row(DraftProjection.change(before, after, event, at, json)));
            for (FoldListener listener : listeners) {
                Object[] row = listener.row(before, after, event, at);
                if (row != null) {
                    bytes += rows(listener.table()).add(row);
                }
            }
            time.rows += System.nanoTime() - making;
            if (!storedBefore.containsKey(draftId)) {
                storedBefore.put(draftId, before);
            }
            lastAt.put(draftId, at);
            hold(after);
            events++;
            return bytes;
        }

        private CopyRows rows(FoldListener.Table t) {
            return rows.computeIfAbsent(t.name(), name -> new CopyRows(t));
        }

        private void hold(Document document) {
            Document was = held.put(document.draftId(), document);
            paragraphs += weight(document) - (was == null ? 0 : weight(was));
        }

        /** Copies the chunk's rows, writes the documents it changed, and lets go of drafts beyond the bound. */
        private void flush() {
            long copying = System.nanoTime();
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                for (CopyRows r : rows.values()) {
                    r.copy(pg);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the rows aside: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            rows.clear();
            long storing = System.nanoTime();
            time.copy += storing - copying;
            storedBefore.forEach((draftId, before) -> table.store(before, held.get(draftId), lastAt.get(draftId)));
            time.documents += System.nanoTime() - storing;
            storedBefore.clear();
            lastAt.clear();
            for (Iterator<Document> eldest = held.values().iterator(); paragraphs > heldParagraphs && eldest.hasNext(); ) {
                paragraphs -= weight(eldest.next());
                eldest.remove();
            }
        }

        /** The transaction of a chunk rolled back: forget what it folded, and read the drafts back as stored. */
        void rollBack() {
            held.clear();
            paragraphs = 0;
            storedBefore.clear();
            lastAt.clear();
            rows.clear();
            events = committedEvents;
            token = committedToken;
        }

        private static long weight(Document document) {
            return document.paragraphs().size() + 1L;
        }
    }

    /**
     * Where a build's time went, logged once it is switched in: reading the store, a batch at a time; decoding an
     * event (Axon deserialises the payload and parses the timestamp when first asked; the document before it, read
     * back if it was let go), folding, making the rows, copying them, writing the documents, analysing the tables,
     * switching; and the CPU time of the building thread, which tells the work from the wait on a loaded machine.
     */
    private static final class Timing {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long started = System.nanoTime();
        private final long cpuAtStart = THREADS.getCurrentThreadCpuTime();
        long read;
        long decode;
        long fold;
        long rows;
        long copy;
        long documents;
        long analyze;
        long switchIn;

        /** {@code messages.hasNext()}, timed: where the store is read, a batch at a time. */
        boolean reading(Iterator<?> messages) {
            long t = System.nanoTime();
            boolean more = messages.hasNext();
            read += System.nanoTime() - t;
            return more;
        }

        @Override
        public String toString() {
            return String.format("%d ms: read %d, decode %d, fold %d, rows %d, copy %d, documents %d, analyze %d, switch %d;"
                            + " the building thread's CPU %d ms", ms(System.nanoTime() - started), ms(read), ms(decode), ms(fold),
                    ms(rows), ms(copy), ms(documents), ms(analyze), ms(switchIn),
                    ms(THREADS.getCurrentThreadCpuTime() - cpuAtStart));
        }

        private static long ms(long nanos) {
            return nanos / 1_000_000;
        }
    }
}
