package plenary.record;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint as the event store keeps it: one event of the draft's checkpoint stream (aggregate
 * {@code checkpoints/<draftId>}, type {@value #AGGREGATE_TYPE}), beside the draft's own events and never among
 * them, so that signing leaves the draft's versions alone. {@code leaves} packs, in base64, the leaf hashes of
 * versions {@code from + 1} to {@code treeSize}: with those of the checkpoints before, they make proofs cheap,
 * and once a signed root authenticates them they name the exact version an insider changed. All of it can be
 * recomputed from the draft's events, except the signature.
 */
public record CheckpointSigned(String draftId, long treeSize, long from, String leaves, String note) {

    public static final String AGGREGATE_TYPE = "DraftCheckpoints";
    private static final String STREAM_PREFIX = "checkpoints/";

    /** The aggregate identifier of a draft's checkpoint stream. */
    public static String streamOf(String draftId) {
        return STREAM_PREFIX + draftId;
    }

    public List<byte[]> leafHashes() {
        return MerkleTree.unpack(Base64.getDecoder().decode(leaves == null ? "" : leaves));
    }

    public SignedCheckpoint signed() {
        return SignedCheckpoint.parse(note);
    }

    public static CheckpointSigned fromJson(JsonNode payload) {
        if (payload == null || !payload.hasNonNull("note")) {
            throw new IllegalArgumentException("a stored checkpoint holds a signed note");
        }
        return new CheckpointSigned(payload.path("draftId").asText(null), payload.path("treeSize").asLong(),
                payload.path("from").asLong(), payload.path("leaves").asText(""), payload.get("note").asText());
    }

    /**
     * The leaf hashes the stream's checkpoints stored, from the first version on, as far as they follow each other
     * without a gap; what they are worth is decided by the signed roots they must reproduce.
     */
    public static List<byte[]> storedLeaves(List<CheckpointSigned> stream) {
        List<byte[]> leaves = new ArrayList<>();
        for (CheckpointSigned checkpoint : stream) {
            if (checkpoint.from() != leaves.size()) {
                continue; // a repeat of a size already covered, or a gap: nothing to add in order
            }
            try {
                List<byte[]> more = checkpoint.leafHashes();
                if (more.size() != checkpoint.treeSize() - checkpoint.from()) {
                    break;
                }
                leaves.addAll(more);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        return leaves;
    }
}
