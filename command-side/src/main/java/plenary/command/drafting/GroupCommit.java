package plenary.command.drafting;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group commit: the commands waiting for one draft are handled together and their events committed in one
 * transaction, so that many writers on one draft share the append and its commit instead of each holding the draft
 * for a commit of its own.
 *
 * <p>There is no thread of its own. The first command to find its draft idle handles it on its own thread, exactly
 * as a lone command is handled; the commands that arrive meanwhile queue, and when that thread is done, the oldest
 * of them takes every command then waiting (up to {@code plenary.command.batch}) as one batch, and so on. Each
 * command of a batch runs in a savepoint of the batch's transaction, in the order the commands arrived: a refused
 * command leaves no trace and ends the batch there (the rest go into the next batch), so no refusal can leave the
 * draft that its batch-mates share in a state nobody committed. A command is answered only after its batch has
 * committed; if the commit fails, every command of the batch gets that failure and nothing of it is recorded.
 */
@Component
class GroupCommit {

    private final CommandGateway commands;
    private final TransactionManager units;
    private final TransactionTemplate savepoint;
    private final int most;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    GroupCommit(CommandGateway commands, TransactionManager units, PlatformTransactionManager transactions,
                @Value("${plenary.command.batch:64}") int most) {
        this.commands = commands;
        this.units = units;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.most = most;
    }

    /** Handles the command with whatever else is waiting for the draft; answers as {@code sendAndWait} does. */
    Object send(String draftId, CommandMessage<?> command) {
        Waiting waiting = new Waiting(command);
        Lane lane;
        boolean lead;
        while (true) {
            lane = lanes.computeIfAbsent(draftId, id -> new Lane());
            synchronized (lane) {
                if (lane.closed) {
                    continue; // emptied and removed just now: take the draft's next lane
                }
                lane.queue.add(waiting);
                lead = !lane.busy;
                lane.busy = true;
            }
            break;
        }
        if (!lead) {
            waiting.awaitTurnOrAnswer();
        }
        if (!waiting.answered()) {
            handleNextBatch(draftId, lane);
        }
        return waiting.answer();
    }

    /** Takes what waits (this thread's command first), handles it, and hands the draft to the next in line. */
    private void handleNextBatch(String draftId, Lane lane) {
        List<Waiting> batch = new ArrayList<>();
        synchronized (lane) {
            while (!lane.queue.isEmpty() && batch.size() < most) {
                batch.add(lane.queue.poll());
            }
        }
        try {
            int handled = 0;
            while (handled < batch.size()) {
                handled += handle(batch.subList(handled, batch.size()));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(w -> w.fail(e)); // answers only those not answered yet
            throw e;
        } finally {
            Waiting next;
            synchronized (lane) {
                next = lane.queue.peek();
                if (next == null) {
                    lane.busy = false;
                    lane.closed = true;
                    lanes.remove(draftId, lane);
                }
            }
            if (next != null) {
                next.takeTurn();
            }
        }
    }

    /**
     * Handles commands from the start of {@code batch} in one transaction, up to and including the first that is
     * refused; answers them once that transaction has ended, and tells how many it took.
     */
    private int handle(List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting alone = batch.get(0);
            try {
                alone.succeed(commands.sendAndWait(alone.command));
            } catch (RuntimeException e) {
                alone.fail(e);
            }
            return 1;
        }
        List<Waiting> taken = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        Waiting[] refused = new Waiting[1];
        Throwable[] refusal = new Throwable[1];
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(batch.get(0).command);
        unit.attachTransaction(units);
        ResultMessage<?> outcome = unit.executeWithResult(() -> {
            for (Waiting waiting : batch) {
                CommandResultMessage<?> result = savepoint.execute(status -> {
                    CommandResultMessage<?>[] answer = new CommandResultMessage<?>[1];
                    commands.send(waiting.command, (message, r) -> answer[0] = r);
                    if (answer[0] == null || answer[0].isExceptional()) {
                        status.setRollbackOnly();
                    }
                    return answer[0];
                });
                if (result == null || result.isExceptional()) {
                    refused[0] = waiting;
                    refusal[0] = result == null
                            ? new IllegalStateException("the command was not handled on the batch's thread")
                            : result.exceptionResult();
                    break;
                }
                taken.add(waiting);
                results.add(result.getPayload());
            }
            return null;
        });
        if (outcome.isExceptional()) {
            taken.forEach(w -> w.fail(outcome.exceptionResult()));
        } else {
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).succeed(results.get(i));
            }
        }
        if (refused[0] != null) {
            refused[0].fail(refusal[0]);
        }
        return taken.size() + (refused[0] == null ? 0 : 1);
    }

    /** The commands waiting for one draft, and whether a thread is handling them. */
    private static final class Lane {
        final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        boolean busy;
        boolean closed;
    }

    /** One command and the thread waiting for its answer or for its turn to handle the next batch. */
    private static final class Waiting {
        final CommandMessage<?> command;
        private boolean done;
        private boolean turn;
        private Object result;
        private Throwable failure;

        Waiting(CommandMessage<?> command) {
            this.command = command;
        }

        synchronized void succeed(Object value) {
            if (!done) {
                result = value;
                done = true;
                notifyAll();
            }
        }

        synchronized void fail(Throwable e) {
            if (!done) {
                failure = e;
                done = true;
                notifyAll();
            }
        }

        synchronized void takeTurn() {
            turn = true;
            notifyAll();
        }

        synchronized boolean answered() {
            return done;
        }

        synchronized void awaitTurnOrAnswer() {
            boolean interrupted = false;
            while (!done && !turn) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the command is queued: its answer must still be awaited
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** As {@code sendAndWait} answers: the result, or the failure (checked ones wrapped). */
        synchronized Object answer() {
            if (failure == null) {
                return result;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new CommandExecutionException("the command failed", failure);
        }
    }
}
