package plenary.query.lag;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.ApplicationContext;
import plenary.query.drafting.Unguarded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each event handler of the drafts processor in a savepoint of the batch's transaction when one may fail.
 * PostgreSQL aborts a whole transaction on a failed statement; with the savepoint rolled back, the batch goes on and
 * the failed event can be dead-lettered in the same transaction. A savepoint costs two round trips per event, so a
 * batch of the tracking processor first runs without: should anything in it fail, it is rolled back whole (the
 * {@link DeadLetterConfig#countingRetries policy} refuses to dead-letter in it), and the processor runs it again
 * from the same token with a savepoint per event, which dead-letters the failed event as before. Dead letters
 * retried on their own always run in savepoints.
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final ApplicationContext context;
    /** Set when a batch without savepoints rolled back, until a batch with them commits. */
    private final AtomicBoolean careful = new AtomicBoolean();
    private volatile TransactionTemplate savepoint;

    SavepointPerEvent(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !group.value().equals(DeadLetterConfig.DRAFTS)
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive() || withoutSavepoint()) {
                    return super.handle(message, target);
                }
                try {
                    return savepoint().execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (Exception e) {
                            throw new Failed(e);
                        }
                    });
                } catch (Failed failed) {
                    throw failed.cause;
                }
            }
        };
    }

    /** Decided once per batch of the tracking processor, when its first handler runs. */
    private boolean withoutSavepoint() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return false;
        }
        Boolean unguarded = Unguarded.of(batch);
        if (unguarded == null) {
            unguarded = !careful.get();
            Unguarded.decide(batch, unguarded);
            if (unguarded) {
                batch.onRollback(u -> careful.set(true));
            } else {
                batch.afterCommit(u -> careful.set(false));
            }
        }
        return unguarded;
    }

    private TransactionTemplate savepoint() {
        if (savepoint == null) {
            TransactionTemplate nested = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            savepoint = nested;
        }
        return savepoint;
    }

    /** Carries a handler's checked exception through the transaction template. */
    private static final class Failed extends RuntimeException {
        final Exception cause;

        Failed(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
