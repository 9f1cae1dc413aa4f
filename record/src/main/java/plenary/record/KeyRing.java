package plenary.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a verifier trusts, and for which tree sizes. A key given by the auditor is trusted for every size. A
 * key-change checkpoint at size M, signed by both the keys it names, hands over from one to the other: the
 * previous key is trusted up to M and no further (a key retired because it may leak signs nothing later), the
 * next one from M on. Trust flows both ways, so an auditor holding either key can follow the change.
 */
public final class KeyRing {

    private static final class Trust {
        final NoteVerifier key;
        long from;
        long until;

        Trust(NoteVerifier key, long from, long until) {
            this.key = key;
            this.from = from;
            this.until = until;
        }

        boolean covers(long size) {
            return from <= size && size <= until;
        }
    }

    /** What the ring makes of one checkpoint: the key that vouches for it, or why none does. */
    public record Judgement(SignedCheckpoint checkpoint, NoteVerifier signer, String refusal) {

        public boolean accepted() {
            return signer != null;
        }
    }

    private final List<NoteVerifier> given;

    public KeyRing(List<NoteVerifier> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a key ring trusts at least one key");
        }
        this.given = List.copyOf(trusted);
    }

    public List<NoteVerifier> keys() {
        return given;
    }

    public Judgement judge(SignedCheckpoint checkpoint) {
        return judge(List.of(checkpoint)).get(0);
    }

    /** Judges each checkpoint, in the order given, following the key changes among them. */
    public List<Judgement> judge(List<SignedCheckpoint> checkpoints) {
        Map<NoteVerifier, Trust> trust = trustAfterKeyChanges(checkpoints);
        List<Judgement> judgements = new ArrayList<>();
        for (SignedCheckpoint checkpoint : checkpoints) {
            judgements.add(judge(checkpoint, trust));
        }
        return judgements;
    }

    private static Judgement judge(SignedCheckpoint checkpoint, Map<NoteVerifier, Trust> trust) {
        SignedNote note = checkpoint.note();
        Trust retired = null;
        Trust vouching = null;
        for (SignedNote.Signature signature : note.signatures()) {
            for (Trust t : trust.values()) {
                if (!t.key.signed(signature)) {
                    continue;
                }
                if (!t.key.verify(note.text(), signature)) {
                    return new Judgement(checkpoint, null, "the signature of " + t.key.name() + "+" + t.key.hexId()
                            + " does not verify: the checkpoint was altered after it was signed");
                }
                if (t.covers(checkpoint.size())) {
                    vouching = vouching == null ? t : vouching;
                } else {
                    retired = t;
                }
            }
        }
        if (vouching != null) {
            return new Judgement(checkpoint, vouching.key, null);
        }
        if (retired != null) {
            String when = retired.until < checkpoint.size()
                    ? "was retired by the key change at tree size " + retired.until
                    : "signs only from the key change at tree size " + retired.from;
            return new Judgement(checkpoint, null, "it is signed by " + retired.key.name() + "+" + retired.key.hexId()
                    + ", which " + when);
        }
        List<String> signers = note.signatures().stream()
                .map(s -> s.keyName() + "+" + String.format("%08x", s.keyId())).toList();
        return new Judgement(checkpoint, null, "it is not signed by a trusted key (signed by " + String.join(", ", signers)
                + "; trusted: " + String.join(", ", trust.values().stream()
                .map(t -> t.key.name() + "+" + t.key.hexId()).toList()) + ")");
    }

    private Map<NoteVerifier, Trust> trustAfterKeyChanges(List<SignedCheckpoint> checkpoints) {
        Map<NoteVerifier, Trust> trust = new LinkedHashMap<>();
        given.forEach(key -> trust.put(key, new Trust(key, 0, Long.MAX_VALUE)));
        List<SignedCheckpoint> changes = new ArrayList<>();
        for (SignedCheckpoint checkpoint : checkpoints) {
            try {
                Optional<SignedCheckpoint.KeyChange> change = checkpoint.keyChange();
                if (change.isPresent() && signedByBoth(checkpoint, change.get())) {
                    changes.add(checkpoint);
                }
            } catch (IllegalArgumentException e) {
                // a malformed key change hands nothing over; the checkpoint is judged like any other
            }
        }
        changes.sort(Comparator.comparingLong(SignedCheckpoint::size));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (var it = changes.iterator(); it.hasNext(); ) {
                SignedCheckpoint checkpoint = it.next();
                SignedCheckpoint.KeyChange change = checkpoint.keyChange().orElseThrow();
                long at = checkpoint.size();
                Trust previous = trust.get(change.previous());
                Trust next = trust.get(change.next());
                if ((previous == null || !previous.covers(at)) && (next == null || !next.covers(at))) {
                    continue;
                }
                if (previous == null) {
                    trust.put(change.previous(), new Trust(change.previous(), 0, at));
                } else {
                    previous.until = Math.min(previous.until, at);
                }
                if (next == null) {
                    trust.put(change.next(), new Trust(change.next(), at, Long.MAX_VALUE));
                }
                it.remove();
                moved = true;
            }
        }
        return trust;
    }

    private static boolean signedByBoth(SignedCheckpoint checkpoint, SignedCheckpoint.KeyChange change) {
        String text = checkpoint.note().text();
        List<SignedNote.Signature> signatures = checkpoint.note().signatures();
        return signatures.stream().anyMatch(s -> change.previous().verify(text, s))
                && signatures.stream().anyMatch(s -> change.next().verify(text, s));
    }
}
