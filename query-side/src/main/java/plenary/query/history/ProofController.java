package plenary.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import plenary.record.HashChain;
import plenary.record.MerkleLevels;
import plenary.record.MerkleTree;
import plenary.record.RecordAudit;
import plenary.record.SignedCheckpoint;
import plenary.record.StoredEvent;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The signed checkpoints of a draft's record and the RFC 9162 proofs against them, every hash in base64 as the
 * checkpoints write it, so that any RFC 9162 verifier (or {@code plenary-record-exec.jar --proof}) checks them.
 */
@RestController
class ProofController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckpointView(long treeSize, String rootHash, String signedAt, String issues, String keyChange,
                          String note) {
    }

    record InclusionProof(long leafIndex, long treeSize, String entry, List<String> inclusionPath, String checkpoint) {
    }

    record ConsistencyProof(long from, long to, List<String> consistencyPath, String fromCheckpoint,
                            String toCheckpoint) {
    }

    private static final List<String> ISSUES = List.of("revision", "final", "corrigendum", "adopted");

    private final StoredRecord record;
    private final RecordTrust trust;
    private final SignedTrees trees;

    ProofController(StoredRecord record, RecordTrust trust, SignedTrees trees) {
        this.record = record;
        this.trust = trust;
        this.trees = trees;
    }

    @GetMapping(path = "/api/record/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return trust.publicKey().orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "no verifier key is configured (plenary.record.verifier-key)"));
    }

    /** Every checkpoint signed for the draft, smallest tree first. */
    @GetMapping("/api/drafts/{draftId}/checkpoints")
    List<CheckpointView> checkpoints(@PathVariable String draftId) {
        List<CheckpointView> views = new ArrayList<>();
        for (SignedCheckpoint signed : known(draftId, SignedTrees.Known::signed)) {
            var c = signed.checkpoint();
            views.add(new CheckpointView(c.size(), c.root(), c.extension("time").orElse(null),
                    ISSUES.stream().flatMap(word -> c.extension(word).map(v -> word + " " + v).stream()).findFirst()
                            .orElse(null),
                    c.extension("key-change").orElse(null), signed.format()));
        }
        return views;
    }

    /** {@code version} is in the tree of {@code treeSize} events (by default the last checkpoint's). */
    @GetMapping("/api/drafts/{draftId}/proof")
    InclusionProof proof(@PathVariable String draftId, @RequestParam long version,
                         @RequestParam(required = false) Long treeSize) {
        record Signed(SignedCheckpoint checkpoint, byte[] leaf, List<byte[]> path) {
        }
        Signed signed = known(draftId, known -> {
            SignedCheckpoint checkpoint = treeSize == null ? last(draftId, known.signed())
                    : ofSize(draftId, known.signed(), treeSize, "treeSize");
            long size = checkpoint.size();
            if (version < 1 || version > size) {
                throw new IllegalArgumentException("version must be from 1 to " + size + ", the checkpoint's tree "
                        + "size; was " + version);
            }
            MerkleLevels tree = tree(draftId, known, checkpoint);
            return new Signed(checkpoint, tree.leaf(version - 1), tree.inclusionPath(version - 1, size));
        });
        long size = signed.checkpoint().size();
        StoredEvent event = record.event(draftId, version).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "version " + version + " of draft " + draftId + " is no longer in the record, "
                + "though the checkpoint of size " + size + " signed it"));
        if (!MessageDigest.isEqual(MerkleTree.leafHash(HashChain.entry(event)), signed.leaf())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "version " + version + " of draft " + draftId
                    + " is no longer what the checkpoint of size " + size + " signed: GET /api/drafts/" + draftId
                    + "/verify");
        }
        return new InclusionProof(version - 1, size, b64(HashChain.entry(event)),
                signed.path().stream().map(ProofController::b64).toList(), signed.checkpoint().format());
    }

    /** The tree of checkpoint {@code to} (by default the last) extends the tree of checkpoint {@code from}. */
    @GetMapping("/api/drafts/{draftId}/consistency")
    ConsistencyProof consistency(@PathVariable String draftId, @RequestParam long from,
                                 @RequestParam(required = false) Long to) {
        return known(draftId, known -> {
            List<SignedCheckpoint> signed = known.signed();
            SignedCheckpoint second = to == null ? last(draftId, signed) : ofSize(draftId, signed, to, "to");
            SignedCheckpoint first = ofSize(draftId, signed, from, "from");
            if (first.size() > second.size()) {
                throw new IllegalArgumentException("from must be at most to: " + from + " > " + second.size());
            }
            MerkleLevels tree = tree(draftId, known, second);
            return new ConsistencyProof(first.size(), second.size(),
                    tree.consistencyPath(first.size(), second.size()).stream().map(ProofController::b64).toList(),
                    first.format(), second.format());
        });
    }

    /**
     * Works on the draft's checkpoints, one per tree size, smallest first: those its stream stores, and where a
     * verifier key is configured, only those it vouches for.
     */
    private <T> T known(String draftId, Function<SignedTrees.Known, T> work) {
        try {
            return trees.with(draftId, known -> {
                if (known.empty() && record.event(draftId, 1).isEmpty()) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no draft " + draftId);
                }
                return work.apply(known);
            });
        } catch (SignedTrees.Unreadable e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a stored checkpoint of draft " + draftId
                    + " is not one (" + e.getMessage() + "): GET /api/drafts/" + draftId + "/verify");
        }
    }

    private static SignedCheckpoint last(String draftId, List<SignedCheckpoint> signed) {
        if (signed.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint has been signed for draft "
                    + draftId + " yet");
        }
        return signed.get(signed.size() - 1);
    }

    private static SignedCheckpoint ofSize(String draftId, List<SignedCheckpoint> signed, long size, String field) {
        return signed.stream().filter(c -> c.size() == size).findFirst().orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, field + " must be the tree size of a checkpoint "
                        + "signed for draft " + draftId + " (" + signed.stream().map(c -> String.valueOf(c.size()))
                        .reduce((a, b) -> a + ", " + b).orElse("none yet") + "), not " + size));
    }

    /**
     * The tree of the checkpoint: the leaf hashes its stream stored when the signed root vouches for them, else
     * recomputed from the events; refused if neither gives the signed root.
     */
    private MerkleLevels tree(String draftId, SignedTrees.Known known, SignedCheckpoint checkpoint) {
        long size = checkpoint.size();
        byte[] root = checkpoint.checkpoint().rootHash();
        MerkleLevels stored = known.stored();
        if (stored.size() >= size && MessageDigest.isEqual(stored.root(size), root)) {
            return stored;
        }
        List<StoredEvent> events = record.events(draftId);
        MerkleLevels recomputed = MerkleLevels.of(RecordAudit.leaves(events.subList(0,
                (int) Math.min(size, events.size()))));
        if (recomputed.size() < size || !MessageDigest.isEqual(recomputed.root(size), root)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the record of draft " + draftId + " no longer "
                    + "matches the checkpoint of size " + size + ": GET /api/drafts/" + draftId + "/verify names where");
        }
        return recomputed;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
