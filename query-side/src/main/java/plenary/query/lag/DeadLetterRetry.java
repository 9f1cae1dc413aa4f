package plenary.query.lag;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tries each draft's dead letters again, oldest first and in order, once its back-off has passed: the first retry
 * after {@code plenary.projection.retry-first} (1 s), doubling up to {@code plenary.projection.retry-max} (5 min).
 * A draft whose letters all go through is caught up, and reads stop saying it is behind.
 */
@Component
class DeadLetterRetry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final ApplicationContext context;
    private final Duration first;
    private final Duration max;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    DeadLetterRetry(ApplicationContext context,
                    @Value("${plenary.projection.retry-first:PT1S}") Duration first,
                    @Value("${plenary.projection.retry-max:PT5M}") Duration max) {
        this.context = context;
        this.first = first;
        this.max = max;
    }

    /** How long after its last try a letter that failed {@code retries} times is tried again. */
    Duration backOff(int retries) {
        long factor = 1L << Math.min(Math.max(retries - 1, 0), 20);
        Duration wait = first.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private boolean due(DeadLetter<? extends EventMessage<?>> letter) {
        return !letter.lastTouched().plus(backOff(DeadLetterConfig.retries(letter))).isAfter(Instant.now(clock));
    }

    private void retry() {
        try {
            SequencedDeadLetterProcessor<EventMessage<?>> processor = context.getBean(Configuration.class)
                    .eventProcessingConfiguration().sequencedDeadLetterProcessor(DeadLetterConfig.DRAFTS).orElse(null);
            for (int drafts = 0; processor != null && drafts < 100 && processor.process(this::due); drafts++) {
                log.info("a draft's dead letters went through: its read model has caught up");
            }
        } catch (RuntimeException e) {
            log.warn("retrying dead letters failed; trying again later: {}", e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("dead-letter-retry-"));
        long period = Math.max(200, first.toMillis() / 2);
        scheduler.scheduleWithFixedDelay(this::retry, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
