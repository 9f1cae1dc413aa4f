package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import plenary.devdb.DevDatabase;
import plenary.record.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record proves itself: tampering with the event store directly in PostgreSQL (one byte of one payload, one
 * event deleted, two events swapped) is found both by {@code /verify} and by the offline verifier, which reads
 * the database, or an exported log, with Plenary stopped.
 */
class RecordVerificationTest {

    private final DevDatabase db = DevDatabase.forTests();

    @Test
    void tamperingIsFoundOnlineAndOffline(@TempDir Path dir) throws Exception {
        String untouched, altered, deleted, swapped, truncated, head;
        Path alteredLog = dir.resolve("altered.ndjson");
        Path untouchedLog = dir.resolve("untouched.ndjson");
        try (Plenary plenary = Plenary.start(db, 0, 0)) {
            Negotiating negotiating = new Negotiating(plenary);
            untouched = negotiating.negotiate(v -> { });
            altered = negotiating.negotiate(v -> { });
            deleted = negotiating.negotiate(v -> { });
            swapped = negotiating.negotiate(v -> { });
            truncated = negotiating.negotiate(v -> { });
            Client auditor = new Client(plenary.queryPort(), "auditor");

            JsonNode intact = auditor.get("/api/drafts/" + untouched + "/verify").json();
            assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
            assertThat(intact.get("events").asLong()).isEqualTo(11);
            assertThat(intact.has("brokenAt")).isFalse();
            Client.Response export = auditor.get("/api/drafts/" + untouched + "/events?format=ndjson");
            assertThat(export.contentType()).startsWith("application/x-ndjson");
            List<String> lines = export.body().lines().toList();
            assertThat(lines).hasSize(11);
            StoredEvent last = StoredEvent.fromLine(lines.get(10));
            head = intact.get("headHash").asText();
            assertThat(last.recordedHash()).isEqualTo(head);
            assertThat(last.version()).isEqualTo(11);
            Files.writeString(untouchedLog, export.body());
            // the list of events without format=ndjson is still the read model's
            assertThat(auditor.get("/api/drafts/" + untouched + "/events?after=10").json().get(0).has("actor")).isTrue();

            // version 4 is KAZ bracketing "manage borders": one letter of it becomes another
            sql("""
                    UPDATE DomainEventEntry SET payload = overlay(payload PLACING convert_to('l', 'UTF8')
                        FROM position(convert_to('manage', 'UTF8') IN payload) FOR 1)
                    WHERE aggregateIdentifier = ? AND sequenceNumber = 3""", altered);
            sql("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 4", deleted);
            sql("UPDATE DomainEventEntry SET sequenceNumber = -1 WHERE aggregateIdentifier = ? AND sequenceNumber = 5",
                    swapped);
            sql("UPDATE DomainEventEntry SET sequenceNumber = 5 WHERE aggregateIdentifier = ? AND sequenceNumber = 6",
                    swapped);
            sql("UPDATE DomainEventEntry SET sequenceNumber = 6 WHERE aggregateIdentifier = ? AND sequenceNumber = -1",
                    swapped);
            sql("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 10", truncated);

            assertBroken(auditor, altered, 4, "version 4 is not what was recorded");
            assertBroken(auditor, deleted, 5, "version 5 is missing");
            assertBroken(auditor, swapped, 6, "version 6 is not what was recorded");
            // the chain cannot see its own end cut off; the read model, which saw version 11, can
            assertBroken(auditor, truncated, 11, "versions 11 to 11 are missing");
            assertThat(auditor.get("/api/drafts/" + untouched + "/verify").json().get("intact").asBoolean()).isTrue();
            assertThat(auditor.get("/api/drafts/nope/verify").status()).isEqualTo(404);

            Files.writeString(alteredLog, auditor.get("/api/drafts/" + altered + "/events?format=ndjson").body());
        }

        // Plenary is stopped: the offline verifier needs only the database, or the exported log
        Offline all = offline("--db", db.jdbcUrl(), "--user", db.username(), "--password", db.password());
        assertThat(all.status()).isEqualTo(1);
        assertThat(all.out()).contains(
                "intact  " + untouched + "  11 events  head " + head,
                "BROKEN  " + altered + "  at version 4: version 4 is not what was recorded",
                "BROKEN  " + deleted + "  at version 5: version 5 is missing",
                "BROKEN  " + swapped + "  at version 6: version 6 is not what was recorded",
                "intact  " + truncated + "  10 events");
        Offline pinned = offline("--db", db.jdbcUrl(), "--user", db.username(), "--password", db.password(),
                "--draft", truncated, "--expect-head", "ab".repeat(32));
        assertThat(pinned.status()).isEqualTo(1);
        assertThat(pinned.out()).startsWith("BROKEN  " + truncated + "  at version 11");
        Offline one = offline("--db", db.jdbcUrl(), "--user", db.username(), "--password", db.password(),
                "--draft", untouched, "--expect-head", head);
        assertThat(one.status()).isZero();

        assertThat(offline("--log", untouchedLog.toString()).out()).startsWith(
                "intact  " + untouched + "  11 events  head " + head + "  root ");
        Offline fromLog = offline("--log", alteredLog.toString());
        assertThat(fromLog.status()).isEqualTo(1);
        assertThat(fromLog.out()).startsWith("BROKEN  " + altered + "  at version 4");
    }

    private static void assertBroken(Client auditor, String draft, long version, String reason) {
        JsonNode verdict = auditor.get("/api/drafts/" + draft + "/verify").json();
        assertThat(verdict.get("intact").asBoolean()).as("draft %s", draft).isFalse();
        assertThat(verdict.get("brokenAt").asLong()).isEqualTo(version);
        assertThat(verdict.get("reason").asText()).contains(reason);
        assertThat(verdict.has("headHash")).isFalse();
    }

    /** As the database's owner could: with the append-only trigger out of the way (replica mode skips it). */
    private void sql(String statement, String draft) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement(statement)) {
            c.createStatement().execute("SET session_replication_role = replica");
            s.setString(1, draft);
            assertThat(s.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    record Offline(int status, String out) {
    }

    static Offline offline(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the verifier's own entry point, as `java -jar plenary-record-exec.jar` runs it
        var run = Class.forName("plenary.record.Verify").getDeclaredMethod("run", String[].class, PrintStream.class,
                PrintStream.class);
        run.setAccessible(true);
        int status = (int) run.invoke(null, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Offline(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
