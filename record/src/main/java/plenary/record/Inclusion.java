package plenary.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One event, an inclusion proof ({@code GET /api/drafts/{d}/proof}) and a checkpoint: is the event the leaf the
 * proof says, in the tree the checkpoint signed? The checkpoint is the proof's own, or one the auditor brought
 * of the same size (which must then be the same tree).
 */
public final class Inclusion {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Outcome(boolean included, String draftId, long version, long treeSize, String reason) {

        public String describe() {
            return included ? "included  " + draftId + "  version " + version + "  in the tree of size " + treeSize
                    + " " + reason
                    : "NOT INCLUDED  " + (draftId == null ? "" : draftId + "  ") + "version " + version + ": " + reason;
        }
    }

    /**
     * @param event the event to check, or null for the proof's own entry
     * @param given checkpoints the auditor brought; one of the proof's tree size, if any, is the one trusted
     */
    public static Outcome check(JsonNode proof, StoredEvent event, KeyRing keys, List<SignedCheckpoint> given) {
        long index = proof.path("leafIndex").asLong(-1);
        long size = proof.path("treeSize").asLong(-1);
        long version = index + 1;
        SignedCheckpoint checkpoint;
        List<byte[]> path = new ArrayList<>();
        byte[] entry;
        try {
            checkpoint = given.stream().filter(c -> c.size() == size).findFirst()
                    .orElse(SignedCheckpoint.parse(proof.path("checkpoint").asText("")));
            for (JsonNode hash : proof.path("inclusionPath")) {
                path.add(Base64.getDecoder().decode(hash.asText()));
            }
            entry = event != null ? HashChain.entry(event) : Base64.getDecoder().decode(proof.path("entry").asText());
        } catch (IllegalArgumentException e) {
            return new Outcome(false, null, version, size, "the proof is not readable: " + e.getMessage());
        }
        String draftId = checkpoint.checkpoint().draftId().orElse(null);
        KeyRing.Judgement judgement = keys.judge(checkpoint);
        if (!judgement.accepted()) {
            return new Outcome(false, draftId, version, size, "the checkpoint is refused: " + judgement.refusal());
        }
        if (checkpoint.size() != size) {
            return new Outcome(false, draftId, version, size, "the proof is for a tree of size " + size
                    + ", the checkpoint signs one of size " + checkpoint.size());
        }
        String where = placeOf(entry, draftId, index);
        if (where != null) {
            return new Outcome(false, draftId, version, size, where);
        }
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(entry), index, size, path, checkpoint.checkpoint().rootHash())) {
            return new Outcome(false, draftId, version, size, "the event and its inclusion path do not lead to the "
                    + "root the checkpoint signed: the event is not what was recorded at version " + version
                    + ", or the path was altered");
        }
        return new Outcome(true, draftId, version, size, "signed by " + judgement.signer().name() + "+"
                + judgement.signer().hexId());
    }

    /** Null if the entry says it is the event at that place of that draft; otherwise what it says instead. */
    private static String placeOf(byte[] entry, String draftId, long index) {
        try {
            JsonNode envelope = JSON.readTree(entry);
            String draft = envelope.path("aggregateIdentifier").asText();
            long sequence = envelope.path("sequenceNumber").asLong(-1);
            if (!draft.equals(draftId) || sequence != index) {
                return "the event is version " + (sequence + 1) + " of draft " + draft + ", not version "
                        + (index + 1) + " of draft " + draftId;
            }
            return null;
        } catch (IOException e) {
            return "the entry is not an event in canonical form";
        }
    }

    private Inclusion() {
    }
}
