package plenary.record;

/**
 * What verifying a draft's record found: intact, with the number of events and the head hash (the hash of the
 * last event, which pins the whole record), or broken at a version, with the reason.
 */
public record Verdict(String draftId, boolean intact, long events, String headHash, Long brokenAt, String reason) {

    static Verdict intact(String draftId, long events, String headHash) {
        return new Verdict(draftId, true, events, headHash, null, null);
    }

    static Verdict broken(String draftId, long intactEvents, long version, String reason) {
        return new Verdict(draftId, false, intactEvents, null, version, reason);
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
        return intact
                ? "intact  " + draftId + "  " + events + " events  head " + headHash
                : "BROKEN  " + draftId + "  at version " + brokenAt + ": " + reason;
    }
}
