package plenary.query.lag;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import plenary.query.drafting.Unguarded;

/**
 * The drafts processor: a failure is never logged and forgotten (Axon's default). An event the projection cannot
 * store is put, with every later event of the same draft, in a dead-letter queue per draft (the processor's
 * sequencing is per aggregate), in the same transaction as the rest of the batch; the other drafts go on. A batch
 * that fails is run again with each handler in a savepoint ({@link SavepointPerEvent}), so that a failed statement
 * does not spoil the batch's transaction. {@link DeadLetterRetry} tries the queue again with back-off. A failure outside the handlers (the
 * batch's commit) stops the processor, which Axon retries with its own back-off.
 */
@Configuration
class DeadLetterConfig {

    static final String DRAFTS = "drafts";
    static final String RETRIES = "retries";

    @Bean
    ConfigurerModule draftsNeverSkip(ApplicationContext context) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(DRAFTS, c -> PropagatingErrorHandler.instance())
                .registerDeadLetterQueue(DRAFTS, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(DRAFTS)
                        .connectionProvider(context.getBean(ConnectionProvider.class))
                        .transactionManager(context.getBean(TransactionManager.class))
                        .genericSerializer(c.serializer())
                        .eventSerializer(context.getBean("eventSerializer", Serializer.class))
                        .maxSequences(100_000)
                        .maxSequenceSize(Integer.MAX_VALUE)
                        .build())
                .registerDeadLetterPolicy(DRAFTS, c -> countingRetries())
                // remember which drafts are not in the queue rather than ask the database before every event: a
                // round trip per event that waits for a core under load. The memory is per segment and dropped when
                // the segment is released, so a node that claims it later asks again.
                .registerDeadLetteringEventHandlerInvokerConfiguration(DRAFTS,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache()));
    }

    /**
     * Every failure is kept (never evicted), counting its tries for the back-off. In a batch run without savepoints
     * the transaction may be spoilt: the batch is rolled back instead, and run again with them.
     */
    static EnqueuePolicy<EventMessage<?>> countingRetries() {
        return (letter, cause) -> {
            if (Unguarded.now()) {
                throw new RunAgainWithSavepoints(cause);
            }
            return Decisions.requeue(cause, l -> l.diagnostics().and(RETRIES, retries(l) + 1));
        };
    }

    /** Rolls back a batch run without savepoints in which a handler failed. */
    static final class RunAgainWithSavepoints extends RuntimeException {
        RunAgainWithSavepoints(Throwable cause) {
            super("a handler failed in a batch without savepoints: running it again with them", cause);
        }
    }

    static int retries(org.axonframework.messaging.deadletter.DeadLetter<?> letter) {
        Object n = letter.diagnostics().get(RETRIES);
        return n instanceof Number number ? number.intValue() : n == null ? 0 : Integer.parseInt(n.toString());
    }
}
