package plenary.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints as C2SP writes them, signed notes as Go's sumdb/note signs them, and which keys vouch for what. */
class SignedCheckpointTest {

    /** The example of golang.org/x/mod/sumdb/note, which every signed-note implementation reproduces. */
    private static final String GO_VERIFIER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final byte[] ROOT = MerkleTree.leafHash(new byte[]{1});

    static NoteKey fromSeed(String name, byte[] seed) throws Exception {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = new byte[pkcs8.length + 32];
        System.arraycopy(pkcs8, 0, der, 0, pkcs8.length);
        System.arraycopy(seed, 0, der, pkcs8.length, 32);
        return NoteKey.of(name, KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
    }

    @Test
    void notesAreSignedAndReadAsGoSignsThem() throws Exception {
        byte[] seed = Base64.getDecoder().decode(GO_SEED);
        NoteKey peter = fromSeed("PeterNeumann", java.util.Arrays.copyOfRange(seed, 1, 33));
        assertThat(peter.verifier().line()).isEqualTo(GO_VERIFIER);
        assertThat(SignedNote.sign(GO_TEXT, List.of(peter)).format()).isEqualTo(GO_NOTE);

        NoteVerifier verifier = NoteVerifier.parse(GO_VERIFIER);
        SignedNote note = SignedNote.parse(GO_NOTE);
        assertThat(note.text()).isEqualTo(GO_TEXT);
        assertThat(verifier.verify(note.text(), note.signatures().get(0))).isTrue();
        SignedNote altered = SignedNote.parse(GO_NOTE.replace("cryptography", "cryptographY"));
        assertThat(verifier.verify(altered.text(), altered.signatures().get(0))).isFalse();
    }

    @Test
    void aVerifierKeyMustMatchItsId() {
        assertThatThrownBy(() -> NoteVerifier.parse(GO_VERIFIER.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteVerifier.parse("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("no spaces");
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a3")).hasMessageContaining("verifier key is");
    }

    @Test
    void aCheckpointIsTheC2spBody() {
        Checkpoint checkpoint = Checkpoint.of("d1", 41, ROOT, List.of("time 2026-01-02T03:04:05Z", "revision Rev.1"));
        assertThat(checkpoint.text()).isEqualTo("plenary/d1\n41\n" + Base64.getEncoder().encodeToString(ROOT)
                + "\ntime 2026-01-02T03:04:05Z\nrevision Rev.1\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThat(checkpoint.draftId()).contains("d1");
        assertThat(checkpoint.extension("revision")).contains("Rev.1");

        assertThatThrownBy(() -> Checkpoint.parse("plenary/d1\n041\n" + checkpoint.root() + "\n"))
                .hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> Checkpoint.parse("plenary/d1\n41\n")).hasMessageContaining("root hash");
        assertThatThrownBy(() -> Checkpoint.parse("plenary/d1\n41\nAAAA\n")).hasMessageContaining("32 bytes");
    }

    @Test
    void aNoteCopiedOutOfADocumentStillReads() {
        NoteKey key = NoteKey.generate("plenary");
        SignedCheckpoint signed = SignedCheckpoint.sign(Checkpoint.of("d1", 3, ROOT, List.of()), List.of(key));
        String mangled = "  " + signed.format().replace("\n", "  \r\n").replace("\u2014", "--") + "\n\n";
        SignedCheckpoint read = SignedCheckpoint.parse(mangled);
        assertThat(read.checkpoint()).isEqualTo(signed.checkpoint());
        assertThat(new KeyRing(List.of(key.verifier())).judge(read).accepted()).isTrue();
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        NoteKey secretariat = NoteKey.generate("plenary");
        NoteKey other = NoteKey.generate("plenary");
        KeyRing ring = new KeyRing(List.of(secretariat.verifier()));
        Checkpoint checkpoint = Checkpoint.of("d1", 3, ROOT, List.of());

        assertThat(ring.judge(SignedCheckpoint.sign(checkpoint, List.of(secretariat))).signer())
                .isEqualTo(secretariat.verifier());
        KeyRing.Judgement forged = ring.judge(SignedCheckpoint.sign(checkpoint, List.of(other)));
        assertThat(forged.accepted()).isFalse();
        assertThat(forged.refusal()).contains("not signed by a trusted key", other.verifier().hexId());

        String signed = SignedCheckpoint.sign(checkpoint, List.of(secretariat)).format();
        KeyRing.Judgement altered = ring.judge(SignedCheckpoint.parse(signed.replace("\n3\n", "\n4\n")));
        assertThat(altered.refusal()).contains("does not verify");
    }

    @Test
    void aKeyChangeHandsOverFromTheOldKeyToTheNew() {
        NoteKey old = NoteKey.generate("plenary");
        NoteKey next = NoteKey.generate("plenary");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SignedCheckpoint before = SignedCheckpoint.sign(Checkpoint.of("d1", 10, ROOT, List.of()), List.of(old));
        SignedCheckpoint change = SignedCheckpoint.sign(Checkpoint.of("d1", 12, ROOT, SignedCheckpoint.extensions(now,
                null, Optional.of(new SignedCheckpoint.KeyChange(old.verifier(), next.verifier())))), List.of(old, next));
        SignedCheckpoint after = SignedCheckpoint.sign(Checkpoint.of("d1", 20, ROOT, List.of()), List.of(next));
        SignedCheckpoint lateOld = SignedCheckpoint.sign(Checkpoint.of("d1", 21, ROOT, List.of()), List.of(old));
        List<SignedCheckpoint> all = List.of(before, change, after, lateOld);

        // an auditor who holds the old key follows the change forward
        List<KeyRing.Judgement> byOld = new KeyRing(List.of(old.verifier())).judge(all);
        assertThat(byOld.subList(0, 3)).allMatch(KeyRing.Judgement::accepted);
        assertThat(byOld.get(2).signer()).isEqualTo(next.verifier());
        assertThat(byOld.get(3).refusal()).contains("retired by the key change at tree size 12");

        // one who holds only the new key follows it back
        List<KeyRing.Judgement> byNew = new KeyRing(List.of(next.verifier())).judge(all);
        assertThat(byNew.subList(0, 3)).allMatch(KeyRing.Judgement::accepted);
        assertThat(byNew.get(3).accepted()).isFalse();

        // without the key change, the new key's checkpoints are another key's
        assertThat(new KeyRing(List.of(old.verifier())).judge(after).accepted()).isFalse();
        // a key change signed by the new key alone hands nothing over
        SignedCheckpoint unilateral = SignedCheckpoint.sign(change.checkpoint(), List.of(next));
        assertThat(new KeyRing(List.of(old.verifier())).judge(List.of(unilateral, after)))
                .noneMatch(KeyRing.Judgement::accepted);
    }

    @Test
    void keysComeFromAFileOrAKeystoreAndAreMadeOnlyOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/record-key.pem");
        NoteKey made = KeyFiles.readOrGenerate("plenary", file);
        NoteKey again = KeyFiles.readOrGenerate("plenary", file);
        assertThat(again.verifier()).isEqualTo(made.verifier());
        assertThat(Files.readString(KeyFiles.verifierFile(file)).strip()).isEqualTo(made.verifier().line());
        assertThat(KeyFiles.verifiers(KeyFiles.verifierFile(file).toString())).containsExactly(made.verifier());
        assertThat(KeyFiles.verifiers(made.verifier().line())).containsExactly(made.verifier());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Path keystore = dir.resolve("secretariat.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "Ed25519", "-alias", "record", "-dname", "CN=Secretariat",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        NoteKey fromStore = KeyFiles.readKeystore("plenary", keystore, "changeit".toCharArray(), null);
        SignedCheckpoint signed = SignedCheckpoint.sign(Checkpoint.of("d1", 1, ROOT, List.of()), List.of(fromStore));
        assertThat(new KeyRing(List.of(fromStore.verifier())).judge(signed).accepted()).isTrue();
    }
}
