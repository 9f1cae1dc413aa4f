package plenary.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier as an auditor runs it: an exported log, the public key, a checkpoint, a proof. */
class VerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NoteKey secretariat = NoteKey.generate("plenary");

    private record Run(int status, String out) {
    }

    private static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Verify.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private SignedCheckpoint sign(List<StoredEvent> events, int size) {
        return SignedCheckpoint.sign(Checkpoint.of("d1", size, MerkleTree.root(RecordAudit.leaves(events), size),
                List.of("final sha256:00")), List.of(secretariat));
    }

    @Test
    void theExportTheKeyAndTheFinalCheckpointProveTheRecord(@TempDir Path dir) throws Exception {
        List<StoredEvent> events = RecordAuditTest.record(9);
        Path log = dir.resolve("d1.ndjson");
        Files.write(log, events.stream().map(StoredEvent::toLine).toList());
        Path key = dir.resolve("plenary.vkey");
        Files.writeString(key, secretariat.verifier().line() + "\n");
        Path checkpoint = dir.resolve("final.checkpoint");
        Files.writeString(checkpoint, sign(events, 9).format());

        Run intact = verify("--log", log.toString(), "--key", key.toString(), "--checkpoint", checkpoint.toString());
        assertThat(intact.status()).as(intact.out()).isZero();
        assertThat(intact.out()).contains("intact  d1  9 events", "signed up to version 9 (1 checkpoint)");

        // the insider's version of the log: one event changed, the chain recomputed
        List<StoredEvent> altered = new ArrayList<>(events);
        StoredEvent v4 = altered.get(3);
        altered.set(3, new StoredEvent("d1", "Draft", 3, v4.eventIdentifier(), v4.timestamp(), v4.payloadType(), null,
                JSON.readTree("{\"draftId\":\"d1\",\"quote\":\"secure borders\"}"), v4.metaData()));
        Files.write(log, RecordAuditTest.rechained(altered).stream().map(StoredEvent::toLine).toList());
        Run broken = verify("--log", log.toString(), "--key", key.toString(), "--checkpoint", checkpoint.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).contains("BROKEN  d1  at version 1: versions 1 to 9 no longer hash to the root");

        Run withoutKey = verify("--log", log.toString());
        assertThat(withoutKey.status()).as("the chain alone is fooled").isZero();
        assertThat(withoutKey.out()).contains("the signed checkpoints are not");

        NoteKey other = NoteKey.generate("plenary");
        Run wrongKey = verify("--log", log.toString(), "--key", other.verifier().line(), "--checkpoint",
                checkpoint.toString());
        assertThat(wrongKey.status()).isEqualTo(1);
        assertThat(wrongKey.out()).contains("is refused: it is not signed by a trusted key");
    }

    @Test
    void checkpointsTheEventsCarryAreCheckedToo(@TempDir Path dir) throws Exception {
        List<StoredEvent> events = RecordAuditTest.record(6);
        StoredEvent last = events.get(5);
        ObjectNode meta = last.metaData().deepCopy();
        meta.put(HashChain.CHECKPOINT_KEY, sign(events, 6).format());
        events.set(5, new StoredEvent("d1", "Draft", 5, last.eventIdentifier(), last.timestamp(), last.payloadType(),
                null, last.payload(), meta));
        assertThat(HashChain.verify("d1", events.iterator(), 0).intact()).as("the checkpoint is outside the chain")
                .isTrue();
        Path log = dir.resolve("d1.ndjson");
        Files.write(log, events.stream().map(StoredEvent::toLine).toList());
        Run run = verify("--log", log.toString(), "--key", secretariat.verifier().line());
        assertThat(run.out()).contains("signed up to version 6 (1 checkpoint)");

        Files.write(log, events.subList(0, 5).stream().map(StoredEvent::toLine).toList());
        Path checkpoint = dir.resolve("c");
        Files.writeString(checkpoint, sign(events, 6).format());
        Run cut = verify("--log", log.toString(), "--key", secretariat.verifier().line(), "--checkpoint",
                checkpoint.toString());
        assertThat(cut.out()).contains("BROKEN  d1  at version 6", "versions 6 to 6 are missing");
    }

    @Test
    void oneEventAProofAndACheckpoint(@TempDir Path dir) throws Exception {
        List<StoredEvent> events = RecordAuditTest.record(13);
        List<byte[]> leaves = RecordAudit.leaves(events);
        ObjectNode proof = JSON.createObjectNode();
        proof.put("leafIndex", 4).put("treeSize", 13)
                .put("entry", Base64.getEncoder().encodeToString(HashChain.entry(events.get(4))))
                .put("checkpoint", sign(events, 13).format());
        MerkleTree.inclusionPath(leaves, 4, 13).forEach(h -> proof.withArray("inclusionPath")
                .add(Base64.getEncoder().encodeToString(h)));
        Path file = dir.resolve("proof.json");
        Files.writeString(file, proof.toString());
        Path event = dir.resolve("event.json");
        Files.writeString(event, events.get(4).toLine());
        String key = secretariat.verifier().line();

        Run included = verify("--proof", file.toString(), "--key", key, "--event", event.toString());
        assertThat(included.status()).as(included.out()).isZero();
        assertThat(included.out()).startsWith("included  d1  version 5  in the tree of size 13 signed by plenary+");

        Files.writeString(event, events.get(5).toLine());
        Run other = verify("--proof", file.toString(), "--key", key, "--event", event.toString());
        assertThat(other.status()).isEqualTo(1);
        assertThat(other.out()).contains("NOT INCLUDED", "the event is version 6 of draft d1, not version 5");

        StoredEvent v5 = events.get(4);
        Files.writeString(event, new StoredEvent("d1", "Draft", 4, v5.eventIdentifier(), v5.timestamp(),
                v5.payloadType(), null, JSON.readTree("{\"quote\":\"forged\"}"), v5.metaData()).toLine());
        assertThat(verify("--proof", file.toString(), "--key", key, "--event", event.toString()).out())
                .contains("do not lead to the root the checkpoint signed");

        proof.withArray("inclusionPath").set(0, Base64.getEncoder().encodeToString(new byte[32]));
        Files.writeString(file, proof.toString());
        assertThat(verify("--proof", file.toString(), "--key", key).status()).isEqualTo(1);

        assertThat(verify("--proof", file.toString()).status()).as("no key").isEqualTo(2);
    }
}
