package plenary.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A checkpoint and the signed note that carries it. */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) {

    public static SignedCheckpoint sign(Checkpoint checkpoint, List<NoteKey> keys) {
        return new SignedCheckpoint(checkpoint, SignedNote.sign(checkpoint.text(), keys));
    }

    /** Reads a published checkpoint; refuses, with the reason, anything that is not one. */
    public static SignedCheckpoint parse(String published) {
        SignedNote note = SignedNote.parse(published);
        return new SignedCheckpoint(Checkpoint.parse(note.text()), note);
    }

    public long size() {
        return checkpoint.size();
    }

    /** The extensions Plenary writes: when it was signed and what it seals. */
    public static List<String> extensions(Instant signedAt, String seals, Optional<KeyChange> keyChange) {
        List<String> lines = new ArrayList<>();
        lines.add("time " + signedAt);
        if (seals != null) {
            lines.add(seals);
        }
        keyChange.ifPresent(change -> lines.add(change.line()));
        return lines;
    }

    /** The key that signed before and the key that signs from this checkpoint on; both sign it. */
    public record KeyChange(NoteVerifier previous, NoteVerifier next) {

        static final String WORD = "key-change";

        String line() {
            return WORD + " " + previous.line() + " " + next.line();
        }

        static Optional<KeyChange> of(Checkpoint checkpoint) {
            return checkpoint.extension(WORD).map(value -> {
                String[] keys = value.split(" ");
                if (keys.length != 2) {
                    throw new IllegalArgumentException("a key change names the previous and the next verifier key");
                }
                return new KeyChange(NoteVerifier.parse(keys[0]), NoteVerifier.parse(keys[1]));
            });
        }
    }

    public Optional<KeyChange> keyChange() {
        return KeyChange.of(checkpoint);
    }

    public String format() {
        return note.format();
    }
}
