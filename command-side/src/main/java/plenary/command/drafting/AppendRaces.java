package plenary.command.drafting;

import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import plenary.command.record.LastLink;
import plenary.drafting.DraftCommand;

/**
 * Several command-side nodes on one draft, and never a conflict that the client did not cause. Before a command loads
 * its draft, it takes a PostgreSQL advisory lock on the draft for the rest of its transaction, so appends to one draft
 * take turns across every node; a command waits there until its predecessor, on whatever node, has committed. Then
 * the draft this node has cached is caught up with whatever other nodes (or deadlines) appended since
 * ({@link CatchingUpRepository}). So the append cannot collide on the event store's unique key, and only an If-Match
 * that names an old version is refused (412). A silence procedure's deadline takes the same turn
 * ({@link DeadlineTurns}).
 * <p>
 * Within one node Axon already lets one command at a time hold a draft; the lock costs one round trip per command
 * and serialises only commands on the same draft.
 * <p>
 * Each command is timed ({@code plenary.commands{type,outcome}}, from the lock to the end of its handling), the
 * events it recorded counted ({@code plenary.events.appended}) once they commit, and logged with the draft id and
 * the version in the log's MDC ({@code draftId}, {@code version}; structured with
 * {@code logging.structured.format.console=logstash}).
 */
@Component // Axon puts every MessageHandlerInterceptor bean on the command bus
class AppendRaces implements MessageHandlerInterceptor<CommandMessage<?>> {

    /**
     * The draft's lock, then its last event's sequence number and metadata (its version, and the chain hash the
     * record extends from, {@link LastLink}): two statements sent in one round trip. Each statement of a transaction at
     * READ COMMITTED reads as of its own start, so the second sees whatever the lock waited for. ORDER BY … LIMIT 1,
     * not max(): with statistics from when the table was small, the planner aggregates every event of the draft for
     * max(), which grew a command's cost with the draft (2.3 ms at 11k events).
     */
    private static final String TURN = "SELECT pg_advisory_xact_lock(hashtextextended(?, 13))::text; "
            + "SELECT sequenceNumber, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
            + "ORDER BY sequenceNumber DESC LIMIT 1";

    private final JdbcTemplate db;
    private final MeterRegistry meters;
    private final Counter appended;
    /** The {@code plenary.commands} timers by command type and outcome, built once rather than per command. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private static final Logger log = LoggerFactory.getLogger(AppendRaces.class);

    AppendRaces(JdbcTemplate db, MeterRegistry meters) {
        this.db = db;
        this.meters = meters;
        this.appended = Counter.builder("plenary.events.appended").description("events recorded by commands")
                .register(meters);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof DraftCommand command) || command.draftId() == null) {
            return chain.proceed();
        }
        String draftId = command.draftId();
        String type = command.getClass().getSimpleName();
        long started = System.nanoTime();
        String outcome = "refused";
        try (var draft = MDC.putCloseable("draftId", draftId)) {
            Object result = handle(chain, draftId, type);
            outcome = "recorded";
            return result;
        } finally {
            timer(type, outcome).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String type, String outcome) {
        return timers.computeIfAbsent(type + ' ' + outcome, key -> Timer.builder("plenary.commands")
                .description("a command from its draft's lock to its answer").tags("type", type, "outcome", outcome)
                .register(meters));
    }

    private Object handle(InterceptorChain chain, String draftId, String type) throws Exception {
        long[] last = takeTurn(draftId);
        long recorded = last[0];
        Object result = chain.proceed();
        Long version = result instanceof Receipt receipt ? receipt.version() : null;
        if (version != null) {
            last[0] = version;
        }
        if (version != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        long events = version - recorded;
                        appended.increment(events);
                        try (var d = MDC.putCloseable("draftId", draftId);
                             var v = MDC.putCloseable("version", String.valueOf(version))) {
                            log.info("{} recorded {} event(s), draft {} now at version {}", type, events, draftId,
                                    version);
                        }
                    }
                }
            });
        }
        return result;
    }

    /**
     * The draft's version as this transaction's turn on it knows it (the record's, or as this transaction's last
     * command left it), or null outside a turn.
     */
    static Long versionInTurn(String draftId) {
        long[] last = (long[]) TransactionSynchronizationManager.getResource(AppendRaces.class.getName() + "." + draftId);
        return last == null ? null : last[0];
    }

    /**
     * Takes the draft's lock for the rest of this transaction, unless the transaction holds it already (a
     * group-committed batch, whose first command took it). Answers the draft's version as the record had it then,
     * or as this transaction's last command left it, in a holder the caller may advance.
     */
    long[] takeTurn(String draftId) {
        String held = AppendRaces.class.getName() + "." + draftId;
        long[] last = (long[]) TransactionSynchronizationManager.getResource(held);
        if (last != null) {
            return last;
        }
        long[] holder = {db.execute(TURN, (PreparedStatementCallback<Long>) turn -> {
            turn.setString(1, draftId);
            turn.setString(2, draftId);
            turn.execute(); // the lock; the version is the statement's second result
            if (!turn.getMoreResults()) {
                throw new IllegalStateException("the draft's version was not answered");
            }
            try (ResultSet head = turn.getResultSet()) {
                if (!head.next()) {
                    return 0L;
                }
                long sequence = head.getLong(1);
                LastLink.seen(draftId, sequence, head.getBytes(2)); // the record extends from its chain hash
                return sequence + 1;
            }
        })};
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.bindResource(held, holder);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(held);
                }
            });
        }
        return holder;
    }
}
