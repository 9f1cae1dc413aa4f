package plenary.record;

/**
 * What verifying a draft's record found. Intact: the number of events, the chain's head hash, the Merkle root of
 * all of them, and the largest tree size that a checkpoint signed by a trusted key vouches for (null if none;
 * {@code checkpoints} is -1 when no key was at hand to check them). Broken: the first version that is not what was recorded or signed (null when what failed is a
 * checkpoint itself), and why.
 */
public record Verdict(String draftId, boolean intact, long events, String headHash, String rootHash, Long signedSize,
                      int checkpoints, Long brokenAt, String reason) {

    static Verdict intact(String draftId, long events, String headHash) {
        return new Verdict(draftId, true, events, headHash, null, null, 0, null, null);
    }

    static Verdict broken(String draftId, long intactEvents, Long version, String reason) {
        return new Verdict(draftId, false, intactEvents, null, null, null, 0, version, reason);
    }

    Verdict signed(String root, Long size, int count) {
        return new Verdict(draftId, intact, events, headHash, root, size, count, brokenAt, reason);
    }

    /** The verdict when the head must also be a given hash, e.g. one published when the text was adopted. */
    public Verdict expectingHead(String expectedHead) {
        if (!intact || expectedHead == null || expectedHead.equalsIgnoreCase(headHash)) {
            return this;
        }
        return broken(draftId, events, events + 1, "the record ends at head " + headHash + ", not at the expected "
                + expectedHead + ": later versions are missing or the record was replaced");
    }

    /** One line for people: "intact …" or "BROKEN …". */
    public String describe() {
        if (!intact) {
            return "BROKEN  " + draftId + (brokenAt == null ? "" : "  at version " + brokenAt) + ": " + reason;
        }
        String line = "intact  " + draftId + "  " + events + " events  head " + headHash;
        if (rootHash != null) {
            line += "  root " + rootHash + (checkpoints < 0 ? "" : signedSize == null ? "  no signed checkpoint"
                    : "  signed up to version " + signedSize + " (" + checkpoints + " checkpoint"
                    + (checkpoints == 1 ? ")" : "s)"));
        }
        return line;
    }
}
