package plenary.query.store;

/** A counter of "new events were committed" signals that event streams can wait on. */
final class EventSignal {

    private long count;

    synchronized long count() {
        return count;
    }

    synchronized void fire() {
        count++;
        notifyAll();
    }

    /** Waits until the count moves past {@code seen}, or the time is up; whether it moved. */
    synchronized boolean awaitChange(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (count == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }
}
