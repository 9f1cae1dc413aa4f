package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import plenary.devdb.DevDatabase;
import plenary.record.DatabaseLog;
import plenary.record.HashChain;
import plenary.record.KeyFiles;
import plenary.record.KeyRing;
import plenary.record.MerkleTree;
import plenary.record.NoteVerifier;
import plenary.record.SignedCheckpoint;
import plenary.record.StoredEvent;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record the secretariat signs, end to end: checkpoints at every revision, at finalisation and every few
 * events, in the commands' answers, the events and the exports; proofs any RFC 9162 verifier checks; and what the
 * insider who owns the database (and disables its trigger) can no longer hide from {@code /verify} or from the
 * offline verifier. Then the keys: another key refused, and a rotation the record survives.
 */
class SignedRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DevDatabase db = DevDatabase.forTests();

    /** The secretariat's key in this file (made first if missing), its public half in that one, signing every 5. */
    private static String[] keyed(Path key, Path verifierKey, String... more) throws Exception {
        KeyFiles.readOrGenerate("plenary", key);
        List<String> properties = new ArrayList<>(List.of("plenary.record.key=" + key,
                "plenary.record.verifier-key=" + verifierKey, "plenary.record.checkpoint-every=5"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    /** A negotiated draft (11 events), issued as Rev.1 (version 12), its last brackets accepted, then finalised. */
    private record Issued(String draftId, JsonNode revision, JsonNode finalised) {

        long last() {
            return finalised.get("version").asLong();
        }

        /** The tree sizes the secretariat signs: every text issued, and whenever 5 events have gone unsigned. */
        List<String> checkpointed() {
            List<String> sizes = new ArrayList<>();
            long signed = 0;
            for (long v = 1; v <= last(); v++) {
                if (v == 12 || v == last() || v - signed >= 5) {
                    sizes.add(String.valueOf(v));
                    signed = v;
                }
            }
            return sizes;
        }
    }

    private static Issued issue(Plenary plenary) {
        String d = new Negotiating(plenary).negotiate(v -> { });
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        Client chair = new Client(plenary.commandPort(), "chair");
        Client auditor = new Client(plenary.queryPort(), "auditor");
        JsonNode revision = secretariat.postJson("/api/drafts/" + d + "/revisions", Map.of()).json();
        assertThat(revision.get("version").asLong()).isEqualTo(12);
        while (true) {
            JsonNode open = auditor.get("/api/drafts/" + d + "/brackets?state=open").json();
            if (open.isEmpty()) {
                break;
            }
            JsonNode bracket = open.get(0).get("bracket");
            JsonNode accepted = chair.postJson("/api/drafts/" + d + "/brackets/"
                    + bracket.get("bracketId").asText() + "/accept", Map.of("alternativeId",
                    bracket.at("/alternatives/0/alternativeId").asText())).json();
            assertThat(accepted.has("version")).as("%s accepting %s", accepted, bracket).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get("/api/drafts/" + d).json()
                    .path("version").asLong() == accepted.get("version").asLong());
        }
        JsonNode finalised = secretariat.post("/api/drafts/" + d + "/finalise").json();
        await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get("/api/drafts/" + d).json().path("version")
                .asLong() == finalised.path("version").asLong());
        return new Issued(d, revision, finalised);
    }

    @Test
    void theSecretariatSignsTheRecordAndAnInsiderCannotRewriteIt(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("record-key.pem");
        Path vkey = dir.resolve("record-key.vkey");
        String altered, cut, reordered;
        Issued issued;
        try (Plenary plenary = Plenary.start(db, 0, 0, keyed(key, vkey))) {
            issued = issue(plenary);
            altered = issue(plenary).draftId();
            cut = issue(plenary).draftId();
            reordered = issue(plenary).draftId();
            String d = issued.draftId();
            Client auditor = new Client(plenary.queryPort(), "auditor");

            // the public key, as both sides serve it, is the one beside the key file
            String publicKey = auditor.get("/api/record/public-key").body();
            assertThat(publicKey.strip()).isEqualTo(Files.readString(vkey).strip()).startsWith("plenary+");
            assertThat(new Client(plenary.commandPort(), "auditor").get("/api/record/public-key").body())
                    .isEqualTo(publicKey);
            KeyRing ring = new KeyRing(List.of(NoteVerifier.parse(publicKey)));

            // each issued text carries its checkpoint: in the answer, in the event, in the exports
            SignedCheckpoint revision = SignedCheckpoint.parse(issued.revision().get("checkpoint").asText());
            assertThat(revision.size()).isEqualTo(12);
            assertThat(revision.checkpoint().origin()).isEqualTo("plenary/" + d);
            assertThat(revision.checkpoint().extension("revision")).contains("Rev.1");
            assertThat(ring.judge(revision).accepted()).isTrue();
            String finalNote = issued.finalised().get("checkpoint").asText();
            SignedCheckpoint fin = SignedCheckpoint.parse(finalNote);
            long last = issued.last();
            assertThat(fin.size()).isEqualTo(last);
            assertThat(fin.checkpoint().extension("final")).contains(issued.finalised().get("contentHash").asText());
            assertThat(ring.judge(fin).accepted()).isTrue();

            List<String> lines = auditor.get("/api/drafts/" + d + "/events?format=ndjson").body().lines().toList();
            assertThat(lines).hasSize((int) last);
            assertThat(StoredEvent.fromLine(lines.get((int) last - 1)).recordedCheckpoint()).isEqualTo(finalNote);
            assertThat(StoredEvent.fromLine(lines.get(11)).recordedCheckpoint()).isEqualTo(revision.format());
            assertThat(StoredEvent.fromLine(lines.get(10)).recordedCheckpoint()).as("a drafting event").isNull();

            String text = "/api/drafts/" + d + "/text?format=";
            assertThat(auditor.get(text + "html").body()).contains("<footer class=\"checkpoint\">",
                    fin.checkpoint().root(), "plenary/" + d);
            assertThat(auditor.get(text + "html&version=12").body()).contains(revision.checkpoint().root());
            assertThat(auditor.get(text + "html&version=11").body()).doesNotContain("class=\"checkpoint\"");
            try (PDDocument pdf = Loader.loadPDF(auditor.getBytes("/api/drafts/" + d + "/text?format=pdf"))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains(fin.checkpoint().root(), "plenary/" + d);
            }
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(auditor.getBytes(text + "docx")))) {
                assertThat(docx.getProperties().getCustomProperties().getProperty("PlenaryCheckpoint").getLpwstr())
                        .isEqualTo(finalNote);
            }
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var akn = factory.newDocumentBuilder().parse(new ByteArrayInputStream(auditor.getBytes(text + "akn")));
            Element carried = (Element) akn.getElementsByTagNameNS("urn:plenary:record", "checkpoint").item(0);
            assertThat(((Element) carried.getParentNode()).getLocalName()).isEqualTo("proprietary");
            assertThat(carried.getTextContent()).isEqualTo(finalNote);
            assertThat(auditor.get(text + "markdown").body()).as("the final text's hash pins its Markdown")
                    .doesNotContain("plenary/" + d);

            // every checkpoint, listed: every 5 events, the revision, the final text
            JsonNode listed = auditor.get("/api/drafts/" + d + "/checkpoints").json();
            List<String> sizes = issued.checkpointed();
            assertThat(listed.findValuesAsText("treeSize")).containsExactlyElementsOf(sizes);
            assertThat(listed.get(2).get("issues").asText()).isEqualTo("revision Rev.1");
            assertThat(listed.get(sizes.size() - 1).get("note").asText()).isEqualTo(finalNote);
            // on demand, once the last checkpoint covers every event, the secretariat gets that one back
            Client.Response again = new Client(plenary.commandPort(), "secretariat").post("/api/drafts/" + d
                    + "/checkpoints");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("note").asText()).isEqualTo(finalNote);
            assertThat(new Client(plenary.commandPort(), "chair").post("/api/drafts/" + d + "/checkpoints").status())
                    .isEqualTo(403);

            // proofs: every version is in the final tree, and the earlier trees are in it too
            for (int version = 1; version <= last; version++) {
                Path proof = dir.resolve("proof-" + version + ".json");
                Files.writeString(proof, auditor.get("/api/drafts/" + d + "/proof?version=" + version).body());
                Path event = dir.resolve("event-" + version + ".json");
                Files.writeString(event, lines.get(version - 1));
                RecordVerificationTest.Offline included = RecordVerificationTest.offline("--proof", proof.toString(),
                        "--event", event.toString(), "--key", vkey.toString());
                assertThat(included.status()).as(included.out()).isZero();
                assertThat(included.out()).startsWith("included  " + d + "  version " + version
                        + "  in the tree of size " + last);
            }
            JsonNode early = auditor.get("/api/drafts/" + d + "/proof?version=3&treeSize=5").json();
            assertThat(early.get("leafIndex").asLong()).isEqualTo(2);
            assertThat(early.get("treeSize").asLong()).isEqualTo(5);
            assertThat(SignedCheckpoint.parse(early.get("checkpoint").asText()).size()).isEqualTo(5);
            assertThat(auditor.get("/api/drafts/" + d + "/proof?version=3&treeSize=7").status()).isEqualTo(404);
            assertThat(auditor.get("/api/drafts/" + d + "/proof?version=6&treeSize=5").status()).isEqualTo(400);
            assertThat(auditor.get("/api/drafts/nope/proof?version=1").status()).isEqualTo(404);
            for (String size : sizes.subList(0, sizes.size() - 1)) {
                long from = Long.parseLong(size);
                JsonNode consistency = auditor.get("/api/drafts/" + d + "/consistency?from=" + from).json();
                assertThat(consistency.get("to").asLong()).isEqualTo(last);
                List<byte[]> path = new ArrayList<>();
                consistency.get("consistencyPath").forEach(h -> path.add(Base64.getDecoder().decode(h.asText())));
                byte[] fromRoot = SignedCheckpoint.parse(consistency.get("fromCheckpoint").asText()).checkpoint()
                        .rootHash();
                assertThat(MerkleTree.verifyConsistency(from, last, fromRoot, fin.checkpoint().rootHash(), path))
                        .as("from %d", from).isTrue();
                path.set(0, new byte[32]);
                assertThat(MerkleTree.verifyConsistency(from, last, fromRoot, fin.checkpoint().rootHash(), path))
                        .isFalse();
            }
            Files.writeString(dir.resolve("final.checkpoint"), finalNote);
            Files.writeString(dir.resolve("export.ndjson"), String.join("\n", lines) + "\n");

            JsonNode intact = auditor.get("/api/drafts/" + d + "/verify").json();
            assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.get("signedUpTo").asLong()).isEqualTo(last);
            assertThat(intact.get("checkpoints").asInt()).isEqualTo(sizes.size());
            assertThat(intact.get("rootHash").asText()).isEqualTo(fin.checkpoint().root());

            // the insider: one letter of version 4 (KAZ's bracket) changed, every later chain hash recomputed
            insider(altered, connection -> update(connection, """
                    UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                        'too narrow', 'too narrov'), 'UTF8') WHERE aggregateIdentifier = ? AND sequenceNumber = 3""",
                    altered));
            JsonNode caught = auditor.get("/api/drafts/" + altered + "/verify").json();
            assertThat(caught.get("intact").asBoolean()).isFalse();
            assertThat(caught.get("brokenAt").asLong()).isEqualTo(4);
            assertThat(caught.get("reason").asText()).startsWith("version 4 is not what the checkpoint of size 5");
            assertThat(auditor.get("/api/drafts/" + altered + "/proof?version=4").status()).as("no proof of it")
                    .isEqualTo(409);

            // the last two events deleted, after the checkpoint that signed them
            insider(cut, connection -> update(connection, "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                    + " AND sequenceNumber >= " + (last - 2), cut));
            JsonNode missing = auditor.get("/api/drafts/" + cut + "/verify").json();
            assertThat(missing.get("brokenAt").asLong()).isEqualTo(last - 1);
            assertThat(missing.get("reason").asText()).contains("the record ends at version " + (last - 2),
                    "versions " + (last - 1) + " to " + last + " are missing");

            // versions 6 and 7 swapped, the chain recomputed
            insider(reordered, connection -> {
                update(connection, "UPDATE DomainEventEntry SET sequenceNumber = -1 WHERE aggregateIdentifier = ?"
                        + " AND sequenceNumber = 5", reordered);
                update(connection, "UPDATE DomainEventEntry SET sequenceNumber = 5 WHERE aggregateIdentifier = ?"
                        + " AND sequenceNumber = 6", reordered);
                update(connection, "UPDATE DomainEventEntry SET sequenceNumber = 6 WHERE aggregateIdentifier = ?"
                        + " AND sequenceNumber = -1", reordered);
            });
            JsonNode swapped = auditor.get("/api/drafts/" + reordered + "/verify").json();
            assertThat(swapped.get("brokenAt").asLong()).isEqualTo(6);
            assertThat(swapped.get("reason").asText()).startsWith("version 6 is not what the checkpoint of size 10");
            assertThat(auditor.get("/api/drafts/" + d + "/verify").json().get("intact").asBoolean()).isTrue();
        }

        // Plenary is stopped: the offline verifier, with the database and the public key
        RecordVerificationTest.Offline all = RecordVerificationTest.offline("--db", db.jdbcUrl(), "--user",
                db.username(), "--password", db.password(), "--key", vkey.toString());
        assertThat(all.status()).isEqualTo(1);
        long last = issued.last();
        assertThat(all.out()).contains("intact  " + issued.draftId() + "  " + last + " events",
                "signed up to version " + last + " (" + issued.checkpointed().size() + " checkpoints)",
                "BROKEN  " + altered + "  at version 4: version 4 is not what the checkpoint of size 5",
                "BROKEN  " + cut + "  at version " + (last - 1) + ": the record ends at version " + (last - 2),
                "BROKEN  " + reordered + "  at version 6: version 6 is not what the checkpoint of size 10");

        // and an auditor with only the exported events, the public key and the final text's checkpoint
        RecordVerificationTest.Offline auditor = RecordVerificationTest.offline("--log",
                dir.resolve("export.ndjson").toString(), "--key", vkey.toString(), "--checkpoint",
                dir.resolve("final.checkpoint").toString());
        assertThat(auditor.status()).as(auditor.out()).isZero();
        assertThat(auditor.out()).contains("intact  " + issued.draftId() + "  " + last + " events",
                "signed up to version " + last);
        Files.writeString(dir.resolve("altered.ndjson"), exported(altered));
        RecordVerificationTest.Offline exportedBreak = RecordVerificationTest.offline("--log",
                dir.resolve("altered.ndjson").toString(), "--key", vkey.toString());
        assertThat(exportedBreak.status()).isEqualTo(1);
        assertThat(exportedBreak.out()).contains("BROKEN  " + altered + "  at version 1: versions 1 to 12 no longer "
                + "hash to the root that the checkpoint of size 12 (carried by version 12) signed");
    }

    @Test
    void anotherKeyIsRefusedAndARotatedKeyTakesOver(@TempDir Path dir) throws Exception {
        Path oldKey = dir.resolve("old.pem");
        Path oldVkey = dir.resolve("old.vkey");
        Path newKey = dir.resolve("new.pem");
        Path newVkey = dir.resolve("new.vkey");
        String d;
        long last;
        try (Plenary plenary = Plenary.start(db, 0, 0, keyed(oldKey, oldVkey))) {
            Issued issued = issue(plenary);
            d = issued.draftId();
            last = issued.last();
        }
        // a key made elsewhere does not vouch for this record
        KeyFiles.readOrGenerate("plenary", newKey);
        RecordVerificationTest.Offline refused = RecordVerificationTest.offline("--db", db.jdbcUrl(), "--user",
                db.username(), "--password", db.password(), "--draft", d, "--key", newVkey.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("BROKEN  " + d, "is refused: it is not signed by a trusted key");

        // the rotation: the new key signs, the old one is named as the previous, the query side still trusts the old
        try (Plenary plenary = Plenary.start(db, 0, 0, keyed(newKey, oldVkey,
                "plenary.record.previous-key=" + oldKey))) {
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client.Response signed = secretariat.post("/api/drafts/" + d + "/checkpoints");
            assertThat(signed.status()).as("the key change covers the same events").isEqualTo(201);
            SignedCheckpoint change = SignedCheckpoint.parse(signed.json().get("note").asText());
            assertThat(change.size()).isEqualTo(last);
            assertThat(change.note().signatures()).hasSize(2);
            String oldLine = Files.readString(oldVkey).strip();
            String newLine = Files.readString(newVkey).strip();
            assertThat(change.keyChange()).hasValueSatisfying(k -> {
                assertThat(k.previous().line()).isEqualTo(oldLine);
                assertThat(k.next().line()).isEqualTo(newLine);
            });
            JsonNode corrected = secretariat.post("/api/drafts/" + d + "/corrigenda", "text/markdown",
                    Negotiating.TEXT.replace("cooperate", "co-operate")).json();
            SignedCheckpoint corrigendum = SignedCheckpoint.parse(corrected.get("checkpoint").asText());
            assertThat(corrigendum.note().signatures()).as("after the change, the new key alone").hasSize(1);
            assertThat(corrigendum.checkpoint().extension("corrigendum")).hasValueSatisfying(v -> v.startsWith("Corr.1"));

            Client auditor = new Client(plenary.queryPort(), "auditor");
            await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get("/api/drafts/" + d).json().path("version")
                    .asLong() == last + 1);
            JsonNode verdict = auditor.get("/api/drafts/" + d + "/verify").json();
            assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("signedUpTo").asLong()).isEqualTo(last + 1);
        }
        for (Path trusted : List.of(oldVkey, newVkey)) {
            RecordVerificationTest.Offline rotated = RecordVerificationTest.offline("--db", db.jdbcUrl(), "--user",
                    db.username(), "--password", db.password(), "--draft", d, "--key", trusted.toString());
            assertThat(rotated.status()).as(rotated.out()).isZero();
            assertThat(rotated.out()).contains("intact  " + d + "  " + (last + 1) + " events",
                    "signed up to version " + (last + 1));
        }
    }

    private interface Tampering {
        void tamper(Connection connection) throws Exception;
    }

    /**
     * What the owner of the database does: disable the table's triggers, change the events, recompute every chain
     * hash with the documented canonical form (HashChain), and enable the triggers again.
     */
    private void insider(String draft, Tampering tampering) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE DomainEventEntry DISABLE TRIGGER USER");
            }
            tampering.tamper(c);
            String previous = HashChain.GENESIS;
            for (StoredEvent event : new DatabaseLog(c).events(draft)) {
                String hash = HashChain.link(previous, event);
                if (!hash.equals(event.recordedHash())) {
                    ObjectNode meta = event.metaData().deepCopy();
                    meta.put(HashChain.METADATA_KEY, hash);
                    try (PreparedStatement s = c.prepareStatement(
                            "UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?")) {
                        s.setBytes(1, JSON.writeValueAsBytes(meta));
                        s.setString(2, event.eventIdentifier());
                        assertThat(s.executeUpdate()).isEqualTo(1);
                    }
                }
                previous = hash;
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE DomainEventEntry ENABLE TRIGGER USER");
            }
            c.commit();
        }
        assertThat(RecordVerificationTest.offline("--db", db.jdbcUrl(), "--user", db.username(), "--password",
                db.password(), "--draft", draft).status()).as("the chain alone is fooled").isZero();
    }

    private static void update(Connection c, String sql, String draft) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, draft);
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }

    private String exported(String draft) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            StringBuilder lines = new StringBuilder();
            new DatabaseLog(c).events(draft).forEach(e -> lines.append(e.toLine()).append('\n'));
            return lines.toString();
        }
    }
}
