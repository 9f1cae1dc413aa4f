package plenary.command.drafting;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * A silence procedure's deadline appends to its draft as a command does, so it takes the draft's turn first
 * ({@link AppendRaces#takeTurn}): it waits for a command on another node to commit, and the draft it then folds is
 * caught up with that command ({@link CatchingUpRepository}). Without the turn, a deadline firing on a node whose
 * cached draft was behind could miss the procedure it is about, or meet the event store's unique key.
 * <p>
 * Not a bean of the interceptor type: Axon would put it on the command bus too.
 */
@Component
class DeadlineTurns {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTurns.class);

    DeadlineTurns(DeadlineManager deadlines, AppendRaces races) {
        deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
            DeadlineMessage<?> deadline = unitOfWork.getMessage();
            if (!(deadline.getPayload() instanceof SilenceDeadline silence) || silence.draftId() == null) {
                return chain.proceed();
            }
            try (var draft = MDC.putCloseable("draftId", silence.draftId())) {
                races.takeTurn(silence.draftId());
                log.info("the deadline of silence procedure {} on draft {} fires", silence.procedureId(),
                        silence.draftId());
                return chain.proceed();
            }
        });
    }
}
