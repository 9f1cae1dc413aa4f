package plenary.command.record;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import plenary.record.DatabaseLog;

/**
 * The metadata of a draft's last event as the statement that takes the draft's turn read it, with the draft's
 * version, in the same round trip and under the same lock: the event store extends the record from its chain hash
 * in that transaction, and reading the hash from the table again was a round trip of its own on every command.
 * Used only for the very event the append follows; any other append asks the table as before.
 */
public final class LastLink {

    private record Seen(long sequence, String hash) {
    }

    private LastLink() {
    }

    /**
     * What the draft's turn read in this transaction: the event at {@code sequence} (from 0) and its stored
     * metadata. Outside a transaction with synchronisation, nothing is kept.
     */
    public static void seen(String draftId, long sequence, byte[] metaData) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        String key = key(draftId);
        Seen seen = new Seen(sequence, DatabaseLog.hashIn(metaData));
        if (TransactionSynchronizationManager.unbindResourceIfPossible(key) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(key, seen);
    }

    /**
     * Whether this transaction's turn read the event at {@code sequence} of the draft; {@link #hash} then answers
     * what {@link DatabaseLog#recordedHash} would.
     */
    static boolean known(String draftId, long sequence) {
        return TransactionSynchronizationManager.getResource(key(draftId)) instanceof Seen seen
                && seen.sequence == sequence;
    }

    /** The chain hash that the event the turn read carries (null if none); only after {@link #known}. */
    static String hash(String draftId) {
        return ((Seen) TransactionSynchronizationManager.getResource(key(draftId))).hash;
    }

    private static String key(String draftId) {
        return LastLink.class.getName() + "." + draftId;
    }
}
