package plenary.query.drafting;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Whether a batch of the drafts processor runs without a savepoint per event (the dead letters' {@code
 * SavepointPerEvent} decides): then nothing in it is dead-lettered, a failure rolls it back whole, and the projection
 * leaves its rows to the batch's commit. Here, not beside the savepoints, since the dead letters know the projection.
 */
public final class Unguarded {

    private static final String KEY = Unguarded.class.getName();

    private Unguarded() {
    }

    /** What was decided for {@code batch} (null: nothing yet). */
    public static Boolean of(UnitOfWork<?> batch) {
        return batch.getResource(KEY);
    }

    public static void decide(UnitOfWork<?> batch, boolean unguarded) {
        batch.resources().put(KEY, unguarded);
    }

    /** Whether the current unit of work is a batch without savepoints. */
    public static boolean now() {
        return CurrentUnitOfWork.isStarted() && Boolean.TRUE.equals(of(CurrentUnitOfWork.get().root()));
    }
}
