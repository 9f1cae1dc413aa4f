package plenary.command.record;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import plenary.record.CheckpointSigned;
import plenary.record.DatabaseLog;
import plenary.record.HashChain;
import plenary.record.KeyRing;
import plenary.record.MerkleFrontier;
import plenary.record.MerkleTree;
import plenary.record.SignedCheckpoint;
import plenary.record.StoredEvent;

import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signer's knowledge of each draft's record, kept for the drafts in use and rebuilt from the event store when
 * missing or stale. A rebuilt log must reproduce the last checkpoint the keys signed: a log never signs a tree that
 * does not extend the ones it signed before, whatever happened to the database meanwhile.
 */
final class DraftLogs {

    private static final Logger log = LoggerFactory.getLogger(DraftLogs.class);

    /** The record of a draft no longer matches what was signed: nothing more is signed until someone looks. */
    static final class RecordBroken extends IllegalStateException {
        RecordBroken(String message) {
            super(message);
        }
    }

    private final RecordKeys keys;
    private final Map<String, DraftLog> recent;

    DraftLogs(RecordKeys keys, int capacity) {
        this.keys = keys;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, DraftLog> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * A working copy of the draft's log, ready to take the event with this sequence number. The copy kept in memory
     * is used only if it ends exactly where the stored record does (same size, same chain head).
     */
    DraftLog forAppend(DatabaseLog store, String draftId, long sequence) throws SQLException {
        if (sequence == 0) {
            return DraftLog.empty(draftId);
        }
        String storedHead = LastLink.known(draftId, sequence - 1) ? LastLink.hash(draftId)
                : store.recordedHash(draftId, sequence - 1);
        DraftLog known;
        synchronized (recent) {
            known = recent.get(draftId);
        }
        if (known != null && known.size() == sequence && storedHead != null
                && Objects.equals(known.chainHead(), storedHead)) {
            return known.copy();
        }
        return rebuild(store, draftId, sequence);
    }

    void keep(DraftLog draftLog) {
        synchronized (recent) {
            recent.put(draftLog.draftId, draftLog);
        }
    }

    void forget(String draftId) {
        synchronized (recent) {
            recent.remove(draftId);
        }
    }

    /** The log of the draft's first {@code size} events, from the store, checked against what was signed. */
    DraftLog rebuild(DatabaseLog store, String draftId, long size) throws SQLException {
        List<CheckpointSigned> stream = store.checkpoints(draftId);
        SignedCheckpoint anchor = lastSigned(draftId, stream, size);
        List<byte[]> stored = CheckpointSigned.storedLeaves(stream);
        List<byte[]> leaves = new ArrayList<>();
        long readFrom = 0;
        if (anchor != null && stored.size() >= anchor.size() && MessageDigest.isEqual(
                MerkleTree.root(stored, anchor.size()), anchor.checkpoint().rootHash())) {
            leaves.addAll(stored.subList(0, (int) anchor.size()));
            readFrom = anchor.size();
        }
        List<StoredEvent> events = store.events(draftId, Math.max(0, readFrom - 1));
        String head = readFrom == 0 ? HashChain.GENESIS : events.isEmpty() ? null : events.get(0).recordedHash();
        for (StoredEvent event : events) {
            long sequence = event.sequenceNumber();
            if (sequence < readFrom) {
                continue;
            }
            if (sequence >= size) {
                break;
            }
            if (sequence != leaves.size()) {
                throw new RecordBroken("the record of draft " + draftId + " lacks version " + (leaves.size() + 1));
            }
            String recorded = event.recordedHash();
            byte[] entry = HashChain.entry(event);
            if (recorded != null && head != null && !recorded.equals(HashChain.link(head, entry))) {
                throw new RecordBroken("version " + event.version() + " of draft " + draftId + " is not what was "
                        + "recorded (its chain hash does not match): nothing is signed over it");
            }
            head = recorded == null ? HashChain.GENESIS : recorded;
            leaves.add(MerkleTree.leafHash(entry));
        }
        if (leaves.size() != size) {
            throw new RecordBroken("the record of draft " + draftId + " has " + leaves.size() + " events, not " + size);
        }
        if (anchor != null && !MessageDigest.isEqual(MerkleTree.root(leaves, anchor.size()),
                anchor.checkpoint().rootHash())) {
            throw new RecordBroken("the record of draft " + draftId + " no longer matches the checkpoint of size "
                    + anchor.size() + " signed for it: it was changed in the database; nothing more is signed for it "
                    + "(GET /api/drafts/" + draftId + "/verify names the version)");
        }
        long checkpointed = stream.stream().mapToLong(CheckpointSigned::treeSize).filter(s -> s <= size).max()
                .orElse(0);
        return new DraftLog(draftId, size, size == 0 ? null : head, MerkleFrontier.of(leaves), checkpointed,
                new ArrayList<>(leaves.subList((int) checkpointed, leaves.size())));
    }

    /** The largest checkpoint of this draft, no larger than {@code size}, that one of the signer's keys vouches for. */
    private SignedCheckpoint lastSigned(String draftId, List<CheckpointSigned> stream, long size) {
        List<SignedCheckpoint> signed = new ArrayList<>();
        for (CheckpointSigned stored : stream) {
            try {
                signed.add(stored.signed());
            } catch (IllegalArgumentException e) {
                log.warn("a stored checkpoint of draft {} is unreadable and is ignored: {}", draftId, e.getMessage());
            }
        }
        KeyRing ring = keys.ring();
        SignedCheckpoint anchor = null;
        List<KeyRing.Judgement> judgements = ring.judge(signed);
        for (KeyRing.Judgement judgement : judgements) {
            SignedCheckpoint checkpoint = judgement.checkpoint();
            if (judgement.accepted() && checkpoint.size() <= size
                    && checkpoint.checkpoint().draftId().filter(draftId::equals).isPresent()
                    && (anchor == null || checkpoint.size() > anchor.size())) {
                anchor = checkpoint;
            } else if (!judgement.accepted()) {
                log.warn("a stored checkpoint of draft {} (size {}) is not signed by this signer's keys: {}", draftId,
                        checkpoint.size(), judgement.refusal());
            }
        }
        return anchor;
    }
}
