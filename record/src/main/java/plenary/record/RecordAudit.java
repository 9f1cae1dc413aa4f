package plenary.record;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a draft's record against the checkpoints its secretariat signed: the chain first (what anyone can
 * recompute), then every checkpoint's signature, then the Merkle root of the record at each checkpoint's size.
 * The first version that is not what a trusted key signed is named, and why. A record that matches every
 * checkpoint also shows each checkpoint consistent with the last: all of them are roots of one sequence of leaves.
 */
public final class RecordAudit {

    /** A checkpoint as found: in the store, in an event, or in a file the auditor brought, which {@code source} names. */
    public record Found(SignedCheckpoint checkpoint, String source) {
    }

    private final String draftId;
    private final List<StoredEvent> events;
    private final KeyRing keys;
    private final List<Found> checkpoints;
    private final List<byte[]> storedLeaves;

    /**
     * @param keys         the trusted keys, or null to check the chain and compute the root only
     * @param storedLeaves the leaf hashes the signer stored with its checkpoints, in order from the first event (may
     *                     be empty): a root they reproduce authenticates them, and they then name the exact version
     *                     that was changed after it was signed
     */
    public RecordAudit(String draftId, List<StoredEvent> events, KeyRing keys, List<Found> checkpoints,
                       List<byte[]> storedLeaves) {
        this.draftId = draftId;
        this.events = events;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.storedLeaves = storedLeaves;
    }

    /**
     * One draft against every checkpoint at hand: those an auditor brought that are this draft's, those its events
     * carry, and those of its checkpoint stream (whose stored leaves then name the exact version a break is at).
     *
     * @param keys            the trusted keys, or null to check the chain and compute the root only
     * @param expectedVersion the version an independent witness knows the draft reached (the read model), or 0
     */
    public static Verdict check(String draftId, List<StoredEvent> events, KeyRing keys, List<SignedCheckpoint> given,
                                List<CheckpointSigned> stream, long expectedVersion) {
        List<Found> found = new ArrayList<>();
        for (SignedCheckpoint checkpoint : given) {
            if (checkpoint.checkpoint().draftId().filter(draftId::equals).isPresent()) {
                found.add(new Found(checkpoint, "given"));
            }
        }
        try {
            for (StoredEvent event : events) {
                if (event.recordedCheckpoint() != null) {
                    found.add(new Found(SignedCheckpoint.parse(event.recordedCheckpoint()),
                            "carried by version " + event.version()));
                }
            }
            for (CheckpointSigned stored : stream) {
                found.add(new Found(stored.signed(), "stored"));
            }
        } catch (IllegalArgumentException e) {
            return Verdict.broken(draftId, 0, null, "a checkpoint in the record is not one: " + e.getMessage());
        }
        return new RecordAudit(draftId, events, keys, found, CheckpointSigned.storedLeaves(stream))
                .verdict(expectedVersion);
    }

    /**
     * @param expectedVersion the version an independent witness knows the draft reached (the read model), or 0
     */
    public Verdict verdict(long expectedVersion) {
        List<byte[]> leaves = new ArrayList<>(events.size());
        Verdict chain = HashChain.verify(draftId, events.iterator(), 0, leaves);
        if (!chain.intact()) {
            return chain;
        }
        long n = leaves.size();
        String root = b64(MerkleTree.root(leaves, n));
        if (keys == null) {
            return witnessed(chain, expectedVersion).signed(root, null, -1);
        }
        List<Found> unique = unique(checkpoints);
        List<KeyRing.Judgement> judgements = keys.judge(unique.stream().map(Found::checkpoint).toList());
        List<Found> accepted = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            Found found = unique.get(i);
            SignedCheckpoint checkpoint = found.checkpoint();
            String refusal = checkpoint.checkpoint().draftId().filter(draftId::equals).isEmpty()
                    ? "it is the checkpoint of another log (origin " + checkpoint.checkpoint().origin() + ")"
                    : judgements.get(i).refusal();
            if (refusal != null) {
                return Verdict.broken(draftId, n, null, "the checkpoint of size " + checkpoint.size() + " ("
                        + found.source() + ") is refused: " + refusal);
            }
            accepted.add(found);
        }
        accepted.sort(Comparator.comparingLong(f -> f.checkpoint().size()));

        MerkleFrontier frontier = new MerkleFrontier();
        long matched = 0;
        for (int i = 0; i < accepted.size(); i++) {
            SignedCheckpoint checkpoint = accepted.get(i).checkpoint();
            long size = checkpoint.size();
            if (size > n) {
                Verdict changed = changedVersion(accepted.get(i), leaves);
                if (changed != null) {
                    return changed;
                }
                return Verdict.broken(draftId, n, n + 1, "the record ends at version " + n + ", but the checkpoint of size "
                        + size + " (" + accepted.get(i).source() + ") signed " + size + " versions: versions " + (n + 1)
                        + " to " + size + " are missing");
            }
            while (frontier.size() < size) {
                frontier.append(leaves.get((int) frontier.size()));
            }
            if (!MessageDigest.isEqual(frontier.root(), checkpoint.checkpoint().rootHash())) {
                return mismatch(accepted, i, leaves, matched);
            }
            matched = size;
        }
        Verdict intact = witnessed(chain, expectedVersion);
        return intact.signed(root, accepted.isEmpty() ? null : matched, accepted.size());
    }

    /** The checkpoint at {@code index} does not match the record: find where, as exactly as can be proven. */
    private Verdict mismatch(List<Found> accepted, int index, List<byte[]> leaves, long matched) {
        Found found = accepted.get(index);
        long size = found.checkpoint().size();
        String which = "the checkpoint of size " + size + " (" + found.source() + ")";
        Verdict changed = changedVersion(found, leaves);
        if (changed != null) {
            return changed;
        }
        for (Found later : accepted.subList(index + 1, accepted.size())) {
            SignedCheckpoint checkpoint = later.checkpoint();
            if (checkpoint.size() <= leaves.size() && MessageDigest.isEqual(MerkleTree.root(leaves, checkpoint.size()),
                    checkpoint.checkpoint().rootHash())) {
                return Verdict.broken(draftId, matched, matched + 1, which + " is not consistent with the checkpoint of "
                        + "size " + checkpoint.size() + " (" + later.source() + "), which the record matches: the key "
                        + "signed two different histories of versions " + (matched + 1) + " to " + size);
            }
        }
        String range = matched + 1 == size ? "version " + size + " no longer hashes"
                : "versions " + (matched + 1) + " to " + size + " no longer hash";
        return Verdict.broken(draftId, matched, matched + 1, range + " to the root that " + which + " signed: "
                + (matched + 1 == size ? "it was" : "at least one of them was") + " changed, removed or reordered after "
                + "it was signed" + (matched == 0 ? "" : " (versions 1 to " + matched + " match the checkpoint of size "
                + matched + ")"));
    }

    /**
     * The first version that differs from the leaves the signer stored, if the checkpoint's signed root proves those
     * leaves authentic; otherwise null.
     */
    private Verdict changedVersion(Found found, List<byte[]> leaves) {
        long size = found.checkpoint().size();
        if (storedLeaves.size() < size
                || !MessageDigest.isEqual(MerkleTree.root(storedLeaves, size), found.checkpoint().checkpoint().rootHash())) {
            return null;
        }
        for (int i = 0; i < Math.min(size, leaves.size()); i++) {
            if (!MessageDigest.isEqual(storedLeaves.get(i), leaves.get(i))) {
                return Verdict.broken(draftId, i, (long) i + 1, "version " + (i + 1) + " is not what the checkpoint of "
                        + "size " + size + " (" + found.source() + ") signed: its content, time or place in the record "
                        + "was changed after it was signed");
            }
        }
        return null;
    }

    private static Verdict witnessed(Verdict chain, long expectedVersion) {
        long n = chain.events();
        if (n < expectedVersion) {
            return Verdict.broken(chain.draftId(), n, n + 1, "the record ends at version " + n
                    + " but the draft reached version " + expectedVersion + ": versions " + (n + 1) + " to "
                    + expectedVersion + " are missing");
        }
        return chain;
    }

    /** One of each checkpoint, however many places it was found in. */
    private static List<Found> unique(List<Found> checkpoints) {
        Map<String, Found> unique = new LinkedHashMap<>();
        for (Found found : checkpoints) {
            unique.putIfAbsent(found.checkpoint().format(), found);
        }
        return new ArrayList<>(unique.values());
    }

    public static List<byte[]> leaves(List<StoredEvent> events) {
        List<byte[]> leaves = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            leaves.add(MerkleTree.leafHash(HashChain.entry(event)));
        }
        return leaves;
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
