package plenary.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record against its signed checkpoints, in memory: what an insider who can rewrite the database and recompute
 * the chain still cannot hide. The end-to-end tests do the same to PostgreSQL itself.
 */
class RecordAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NoteKey secretariat = NoteKey.generate("plenary");
    private final KeyRing ring = new KeyRing(List.of(secretariat.verifier()));

    /** {@code n} events of draft d1, chained as the command side stamps them. */
    static List<StoredEvent> record(int n) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new StoredEvent("d1", "Draft", i, "e" + i, Instant.parse("2025-03-01T09:00:00Z").plusSeconds(i)
                    .toString(), "plenary.drafting.TextBracketed", null,
                    JSON.readTree("{\"draftId\":\"d1\",\"quote\":\"manage borders " + i + "\"}"),
                    JSON.readTree("{\"traceId\":\"t" + i + "\"}")));
        }
        return rechained(events);
    }

    /** What an insider does after changing the events: recompute every chain hash with the canonical form. */
    static List<StoredEvent> rechained(List<StoredEvent> events) {
        List<StoredEvent> chained = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            StoredEvent e = events.get(i);
            StoredEvent renumbered = new StoredEvent(e.aggregateIdentifier(), e.aggregateType(), i, e.eventIdentifier(),
                    e.timestamp(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
            String hash = HashChain.link(previous, renumbered);
            ObjectNode meta = renumbered.metaData().deepCopy();
            meta.put(HashChain.METADATA_KEY, hash);
            chained.add(new StoredEvent(e.aggregateIdentifier(), e.aggregateType(), i, e.eventIdentifier(), e.timestamp(),
                    e.payloadType(), e.payloadRevision(), e.payload(), meta));
            previous = hash;
        }
        return chained;
    }

    private SignedCheckpoint sign(List<StoredEvent> events, int size, NoteKey key) {
        byte[] root = MerkleTree.root(RecordAudit.leaves(events), size);
        return SignedCheckpoint.sign(Checkpoint.of("d1", size, root, List.of("time 2026-01-01T00:00:00Z")),
                List.of(key));
    }

    /** The checkpoint stream as the signer stores it: each checkpoint with the leaves since the one before. */
    private List<CheckpointSigned> stream(List<StoredEvent> events, int... sizes) {
        List<byte[]> leaves = RecordAudit.leaves(events);
        List<CheckpointSigned> stream = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            stream.add(new CheckpointSigned("d1", size, from, Base64.getEncoder()
                    .encodeToString(MerkleTree.pack(leaves.subList(from, size))), sign(events, size, secretariat).format()));
            from = size;
        }
        return stream;
    }

    private Verdict audit(List<StoredEvent> events, List<CheckpointSigned> stream, SignedCheckpoint... given) {
        List<RecordAudit.Found> found = new ArrayList<>();
        for (SignedCheckpoint checkpoint : given) {
            found.add(new RecordAudit.Found(checkpoint, "given"));
        }
        stream.forEach(c -> found.add(new RecordAudit.Found(c.signed(), "stored")));
        return new RecordAudit("d1", events, ring, found, CheckpointSigned.storedLeaves(stream)).verdict(0);
    }

    @Test
    void aRecordThatMatchesEveryCheckpointIsIntact() throws Exception {
        List<StoredEvent> events = record(45);
        Verdict verdict = audit(events, stream(events, 12, 40));
        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.signedSize()).isEqualTo(40);
        assertThat(verdict.checkpoints()).isEqualTo(2);
        assertThat(verdict.rootHash()).isEqualTo(RecordAudit.b64(MerkleTree.root(RecordAudit.leaves(events), 45)));
        assertThat(verdict.describe()).contains("45 events", "signed up to version 40 (2 checkpoints)");
    }

    @Test
    void theInsiderWhoRecomputesTheChainIsCaughtAtTheExactVersion() throws Exception {
        List<StoredEvent> events = record(45);
        List<CheckpointSigned> stream = stream(events, 12, 40);
        List<StoredEvent> altered = new ArrayList<>(events);
        StoredEvent v20 = altered.get(19);
        altered.set(19, new StoredEvent("d1", "Draft", 19, v20.eventIdentifier(), v20.timestamp(), v20.payloadType(),
                null, JSON.readTree("{\"draftId\":\"d1\",\"quote\":\"secure borders 19\"}"), v20.metaData()));
        altered = rechained(altered);

        assertThat(HashChain.verify("d1", altered.iterator(), 0).intact()).as("the chain is fooled").isTrue();
        Verdict verdict = audit(altered, stream);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(20);
        assertThat(verdict.reason()).startsWith("version 20 is not what the checkpoint of size 40 (stored) signed");

        // with only the final checkpoint at hand, the break is narrowed to what it signed
        Verdict alone = audit(altered, List.of(), sign(events, 40, secretariat));
        assertThat(alone.brokenAt()).isEqualTo(1);
        assertThat(alone.reason()).contains("versions 1 to 40 no longer hash to the root that the checkpoint of size 40 (given) signed");
        // an earlier checkpoint that still holds narrows it further
        Verdict narrowed = audit(altered, List.of(), sign(events, 12, secretariat), sign(events, 40, secretariat));
        assertThat(narrowed.brokenAt()).isEqualTo(13);
        assertThat(narrowed.reason()).contains("versions 13 to 40", "versions 1 to 12 match the checkpoint of size 12");
    }

    @Test
    void eventsDeletedAfterACheckpointAreMissing() throws Exception {
        List<StoredEvent> events = record(12);
        List<CheckpointSigned> stream = stream(events, 12);
        Verdict verdict = audit(new ArrayList<>(events.subList(0, 10)), stream);
        assertThat(verdict.brokenAt()).isEqualTo(11);
        assertThat(verdict.reason()).contains("the record ends at version 10", "versions 11 to 12 are missing");
    }

    @Test
    void eventsReorderedAndRechainedAreCaught() throws Exception {
        List<StoredEvent> events = record(12);
        List<CheckpointSigned> stream = stream(events, 12);
        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set(6, events.get(7));
        swapped.set(7, events.get(6));
        Verdict verdict = audit(rechained(swapped), stream);
        assertThat(verdict.brokenAt()).isEqualTo(7);
        assertThat(verdict.reason()).contains("version 7 is not what the checkpoint of size 12");

        // one removed from the middle, the rest renumbered and rechained
        List<StoredEvent> removed = new ArrayList<>(events);
        removed.remove(3);
        assertThat(audit(rechained(removed), stream).brokenAt()).isEqualTo(4);
    }

    @Test
    void storedLeavesThatNoLongerReproduceTheRootAreNotBelieved() throws Exception {
        List<StoredEvent> events = record(20);
        List<CheckpointSigned> stream = stream(events, 20);
        List<StoredEvent> altered = new ArrayList<>(events);
        StoredEvent v5 = altered.get(4);
        altered.set(4, new StoredEvent("d1", "Draft", 4, "forged", v5.timestamp(), v5.payloadType(), null, v5.payload(),
                v5.metaData()));
        altered = rechained(altered);
        // the insider rewrites the stored leaves too, to point at an innocent version
        List<byte[]> leaves = new ArrayList<>(RecordAudit.leaves(altered));
        leaves.set(14, MerkleTree.leafHash(new byte[]{9}));
        CheckpointSigned rewritten = new CheckpointSigned("d1", 20, 0,
                Base64.getEncoder().encodeToString(MerkleTree.pack(leaves)), stream.get(0).note());
        Verdict verdict = audit(altered, List.of(rewritten));
        assertThat(verdict.brokenAt()).isEqualTo(1);
        assertThat(verdict.reason()).contains("versions 1 to 20 no longer hash");
    }

    @Test
    void aCheckpointOfAnotherKeyOrAnotherDraftIsRefused() throws Exception {
        List<StoredEvent> events = record(5);
        NoteKey other = NoteKey.generate("plenary");
        Verdict forged = audit(events, List.of(), sign(events, 5, other));
        assertThat(forged.intact()).isFalse();
        assertThat(forged.reason()).contains("the checkpoint of size 5 (given) is refused", "not signed by a trusted key");

        SignedCheckpoint elsewhere = SignedCheckpoint.sign(Checkpoint.of("d2", 5,
                MerkleTree.root(RecordAudit.leaves(events), 5), List.of()), List.of(secretariat));
        assertThat(audit(events, List.of(), elsewhere).reason()).contains("another log (origin plenary/d2)");
    }

    @Test
    void twoSignedHistoriesAreInconsistent() throws Exception {
        List<StoredEvent> events = record(20);
        List<StoredEvent> other = new ArrayList<>(events);
        StoredEvent v3 = other.get(2);
        other.set(2, new StoredEvent("d1", "Draft", 2, "other", v3.timestamp(), v3.payloadType(), null, v3.payload(),
                v3.metaData()));
        other = rechained(other);
        // the key signed the first 10 of one history and all 20 of another: the record matches the later
        Verdict verdict = audit(other, List.of(), sign(events, 10, secretariat), sign(other, 20, secretariat));
        assertThat(verdict.brokenAt()).isEqualTo(1);
        assertThat(verdict.reason()).contains("is not consistent with the checkpoint of size 20",
                "signed two different histories");
    }

    @Test
    void aRotatedKeyKeepsTheRecordVerifiable() throws Exception {
        List<StoredEvent> events = record(30);
        NoteKey next = NoteKey.generate("plenary");
        byte[] root20 = MerkleTree.root(RecordAudit.leaves(events), 20);
        SignedCheckpoint change = SignedCheckpoint.sign(Checkpoint.of("d1", 20, root20, SignedCheckpoint.extensions(
                Instant.now(), null, Optional.of(new SignedCheckpoint.KeyChange(secretariat.verifier(), next.verifier())))),
                List.of(secretariat, next));
        Verdict verdict = audit(events, List.of(), sign(events, 10, secretariat), change, sign(events, 30, next));
        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.signedSize()).isEqualTo(30);
    }
}
