package plenary.query.lag;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each event handler of the drafts processor in a savepoint of the batch's transaction. PostgreSQL aborts a
 * whole transaction on a failed statement; with the savepoint rolled back, the batch goes on and the failed event
 * can be dead-lettered in the same transaction.
 */
@Component
class SavepointPerEvent implements HandlerEnhancerDefinition {

    private final ApplicationContext context;
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
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
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
