package plenary.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * db-scheduler keeps each deadline's data as JSON, not Java serialisation: Java deserialisation of a stored blob can
 * run code, and nobody can read or check what it holds. Axon's readable deadline details (the deadline message in
 * Axon's own Jackson form) take the place of its binary ones, which only Java serialisation could store.
 */
@Configuration
class DeadlineConfig {

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    @Bean
    DeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                    @Qualifier("serializer") org.axonframework.serialization.Serializer serializer,
                                    TransactionManager transactions, DeadlineManagerSpanFactory spans) {
        return DbSchedulerDeadlineManager.builder().scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).serializer(serializer)
                .transactionManager(transactions).spanFactory(spans).useBinaryPojo(false).startScheduler(false).stopScheduler(false)
                .build();
    }
}
