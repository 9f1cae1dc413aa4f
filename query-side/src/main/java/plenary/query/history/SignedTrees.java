package plenary.query.history;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import plenary.record.CheckpointSigned;
import plenary.record.KeyRing;
import plenary.record.MerkleLevels;
import plenary.record.SignedCheckpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What proofs need of a draft's record, kept between requests for the drafts in use: its checkpoint stream as read
 * so far, the checkpoints the verifier key vouches for, and the Merkle tree of the leaf hashes the stream stored.
 * A request reads only what the stream gained since (usually nothing), so a proof costs one indexed query, the
 * event it proves, and O(log² n) hashes, instead of every checkpoint's signature and every leaf again. The stream
 * only grows; what was read and judged stays true whatever is done to the table later, and every proof is still
 * checked against the event as stored now.
 */
@Component
class SignedTrees {

    /** A draft's checkpoints and stored leaves, as far as its stream has been read. Guarded by itself. */
    static final class Known {
        private long read;
        private final List<SignedCheckpoint> keyChanges = new ArrayList<>();
        private final List<SignedCheckpoint> all = new ArrayList<>();
        private final TreeMap<Long, SignedCheckpoint> vouched = new TreeMap<>();
        private final MerkleLevels stored = new MerkleLevels();
        private boolean storedEnds;

        /** The checkpoints signed for the draft that the verifier key vouches for, one per tree size, smallest first. */
        List<SignedCheckpoint> signed() {
            return List.copyOf(vouched.values());
        }

        /** The tree of the leaf hashes the stream stored, from version 1 on, as far as they follow each other. */
        MerkleLevels stored() {
            return stored;
        }

        boolean empty() {
            return all.isEmpty();
        }
    }

    /** A stored checkpoint that is not one: nothing from it on is taken. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final StoredRecord record;
    private final RecordTrust trust;
    private final Map<String, Known> drafts;

    SignedTrees(StoredRecord record, RecordTrust trust, @Value("${plenary.record.proof-cache:64}") int capacity) {
        this.record = record;
        this.trust = trust;
        this.drafts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Runs {@code work} on what is known of the draft, once the checkpoints stored since the last request are read.
     * A stored checkpoint that is not one: {@link Unreadable}, and nothing from it on is taken.
     */
    <T> T with(String draftId, Function<Known, T> work) {
        Known known;
        synchronized (drafts) {
            known = drafts.computeIfAbsent(draftId, d -> new Known());
        }
        synchronized (known) {
            try {
                List<CheckpointSigned> more = record.checkpoints(draftId, known.read);
                if (!more.isEmpty()) {
                    take(draftId, known, more);
                }
            } catch (IllegalArgumentException e) {
                throw new Unreadable(e.getMessage(), e);
            }
            return work.apply(known);
        }
    }

    private void take(String draftId, Known known, List<CheckpointSigned> more) {
        List<SignedCheckpoint> parsed = new ArrayList<>();
        boolean keyChange = false;
        for (CheckpointSigned stored : more) {
            SignedCheckpoint signed = stored.signed();
            parsed.add(signed);
            keyChange |= signed.checkpoint().extension("key-change").isPresent();
        }
        Optional<KeyRing> ring = trust.ring();
        known.all.addAll(parsed);
        if (ring.isEmpty()) {
            parsed.forEach(c -> vouch(draftId, known, c));
        } else if (keyChange) {
            // a key change can extend trust back over earlier checkpoints: judge them all again
            known.keyChanges.clear();
            known.all.stream().filter(c -> c.checkpoint().extension("key-change").isPresent())
                    .forEach(known.keyChanges::add);
            known.vouched.clear();
            ring.get().judge(known.all).stream().filter(KeyRing.Judgement::accepted)
                    .forEach(j -> vouch(draftId, known, j.checkpoint()));
        } else {
            // trust depends only on the key changes, so the earlier judgements stand
            List<SignedCheckpoint> judged = new ArrayList<>(known.keyChanges);
            judged.addAll(parsed);
            List<KeyRing.Judgement> judgements = ring.get().judge(judged);
            judgements.subList(known.keyChanges.size(), judgements.size()).stream()
                    .filter(KeyRing.Judgement::accepted).forEach(j -> vouch(draftId, known, j.checkpoint()));
        }
        for (CheckpointSigned stored : more) {
            if (known.storedEnds || stored.from() != known.stored.size()) {
                continue; // a repeat of a size already covered, or a gap
            }
            try {
                List<byte[]> leaves = stored.leafHashes();
                if (leaves.size() != stored.treeSize() - stored.from()) {
                    known.storedEnds = true;
                    continue;
                }
                leaves.forEach(known.stored::append);
            } catch (IllegalArgumentException e) {
                known.storedEnds = true;
            }
        }
        known.read += more.size();
    }

    private static void vouch(String draftId, Known known, SignedCheckpoint checkpoint) {
        if (checkpoint.checkpoint().draftId().filter(draftId::equals).isPresent()) {
            known.vouched.putIfAbsent(checkpoint.size(), checkpoint);
        }
    }
}
