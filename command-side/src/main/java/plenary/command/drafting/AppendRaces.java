package plenary.command.drafting;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import plenary.drafting.DraftCommand;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several command-side nodes on one draft, and never a conflict that the client did not cause. Before a command loads
 * its draft, it takes a PostgreSQL advisory lock on the draft for the rest of its transaction, so appends to one draft
 * take turns across every node; a command waits there until its predecessor, on whatever node, has committed. Then
 * the draft this node has cached is used only if the record is still at the version this node last committed:
 * otherwise another node (or a deadline) appended since, and the draft is read afresh from the record. So the append
 * cannot collide on the event store's unique key, and only an If-Match that names an old version is refused (412).
 * <p>
 * Within one node Axon already lets one command at a time hold a draft; the lock costs one round trip per command
 * and serialises only commands on the same draft.
 */
@Component
class AppendRaces implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Draft → its version as this node last committed it. */
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final JdbcTemplate db;
    private final Cache drafts;

    AppendRaces(JdbcTemplate db, Cache draftCache, CommandBus commandBus) {
        this.db = db;
        this.drafts = draftCache;
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof DraftCommand command) || command.draftId() == null) {
            return chain.proceed();
        }
        String draftId = command.draftId();
        db.queryForObject("SELECT pg_advisory_xact_lock(hashtextextended(?, 13))::text", String.class, draftId);
        Long recorded = db.queryForObject("SELECT max(sequenceNumber) + 1 FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ?", Long.class, draftId);
        if (recorded != null && !recorded.equals(committed.get(draftId))) {
            drafts.remove(draftId);
        }
        Object result = chain.proceed();
        Long version = result instanceof Receipt receipt ? receipt.version() : null;
        if (version != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        committed.put(draftId, version);
                    } else {
                        committed.remove(draftId);
                    }
                }
            });
        } else {
            committed.remove(draftId);
        }
        return result;
    }
}
