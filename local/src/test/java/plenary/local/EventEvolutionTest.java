package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.record.DatabaseLog;
import plenary.record.HashChain;
import plenary.record.StoredEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stored events keep reading as the code changes, and their hash chain stays intact: the record is never
 * rewritten, older shapes are upcast as they are read (module event-format).
 */
class EventEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BEFORE_THE_SPLIT = Path.of("src/test/resources/evolution/record-before-the-split.ndjson");

    /**
     * The record of {@link EveryEvent} exactly as the code before the module split stored it (events named by
     * their old Java classes, DraftImported and CorrigendumIssued carrying a whole model document, TextBracketed in
     * both shapes' era), loaded as is: its chain verifies, and both sides read it as the same negotiation recorded
     * by today's code, version by version, event by event; the command side goes on from it.
     */
    @Test
    void aRecordStoredBeforeTheModuleSplitReadsAsTheSameNegotiationRecordedToday() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        try (Plenary plenary = Plenary.start(db, 0, 0)) {
            List<StoredEvent> stored = Files.readAllLines(BEFORE_THE_SPLIT).stream().filter(l -> !l.isBlank())
                    .map(EventEvolutionTest::line).toList();
            assertThat(stored).extracting(StoredEvent::payloadType).contains("plenary.drafting.DraftImported",
                    "plenary.drafting.CorrigendumIssued", "plenary.drafting.DraftRevisedFromText");
            insert(db, stored);
            List<String> before = stored.stream().map(StoredEvent::aggregateIdentifier).distinct().toList();
            Drafts drafts = new Drafts(plenary);
            Client auditor = new Client(plenary.queryPort(), "auditor");
            for (String d : before) {
                long version = stored.stream().filter(e -> e.aggregateIdentifier().equals(d)).count();
                drafts.awaitVersion(d, version);
                JsonNode verdict = auditor.get("/api/drafts/" + d + "/verify").json();
                assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
                assertThat(verdict.get("version").asLong()).isEqualTo(version);
            }

            List<String> today = new EveryEvent(plenary).negotiate();
            assertThat(today).hasSameSizeAs(before);
            for (int i = 0; i < today.size(); i++) {
                String old = before.get(i);
                String now = today.get(i);
                long version = auditor.get("/api/drafts/" + now).json().get("version").asLong();
                assertThat(auditor.get("/api/drafts/" + old).json().get("version").asLong()).isEqualTo(version);
                for (long v = 1; v <= version; v++) {
                    for (String view : List.of("?version=" + v, "/text?format=markdown&version=" + v)) {
                        assertThat(auditor.get("/api/drafts/" + old + view).body().replace(old, now))
                                .as("draft %d, %s", i, view)
                                .isEqualTo(auditor.get("/api/drafts/" + now + view).body());
                    }
                }
                JsonNode oldEvents = auditor.get("/api/drafts/" + old + "/events?after=0").json();
                JsonNode newEvents = auditor.get("/api/drafts/" + now + "/events?after=0").json();
                for (int e = 0; e < newEvents.size(); e++) {
                    assertThat(oldEvents.get(e).get("type")).isEqualTo(newEvents.get(e).get("type"));
                    assertThat(escapesAsText(oldEvents.get(e).get("payload").toString().replace(old, now)))
                            .as("event %d of draft %d", e + 1, i)
                            .isEqualTo(escapesAsText(newEvents.get(e).get("payload").toString()));
                }
            }

            // the command side replays the old record too: a second corrigendum, on either draft, comes out the same
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            String old = before.get(1);
            String now = today.get(1);
            String corrected = auditor.get("/api/drafts/" + now + "/text?format=markdown").body()
                    .replace("share data", "exchange data");
            Client.Response onOld = secretariat.post("/api/drafts/" + old + "/corrigenda", "text/markdown", corrected);
            Client.Response onNew = secretariat.post("/api/drafts/" + now + "/corrigenda", "text/markdown", corrected);
            assertThat(onOld.status()).as(onOld.body()).isEqualTo(201);
            for (String field : List.of("label", "version", "contentHash")) {
                assertThat(onOld.json().get(field)).as(field).isEqualTo(onNew.json().get(field));
            }
            long version = onNew.json().get("version").asLong();
            drafts.awaitVersion(old, version);
            drafts.awaitVersion(now, version);
            assertThat(auditor.get("/api/drafts/" + old).body().replace(old, now))
                    .isEqualTo(auditor.get("/api/drafts/" + now).body());
            assertThat(auditor.get("/api/drafts/" + old + "/verify").json().get("intact").asBoolean()).isTrue();
        }
    }

    /**
     * An imported text records its escapes ("\\<") as escaped characters since they are kept as written; before, as
     * text. Both read the same: compare them as text, in merged runs.
     */
    static String escapesAsText(String payload) {
        String json = payload.replaceAll("\\{\"node\":\"escaped\",\"character\":\"((?:[^\"\\\\]|\\\\.)+)\"}",
                "{\"node\":\"text\",\"text\":\"$1\"}");
        String merged;
        while (!(merged = json.replaceAll("\\{\"node\":\"text\",\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"},"
                + "\\{\"node\":\"text\",\"text\":\"", "{\"node\":\"text\",\"text\":\"$1")).equals(json)) {
            json = merged;
        }
        return json;
    }

    /**
     * TextBracketed revision 2 renamed {@code reason} to {@code rationale}. A record written in the first shape
     * (with its hash chain over that shape) reads, after a rebuild through the upcaster, byte for byte as the same
     * negotiation recorded in the second shape: every historic version, the timeline and the events.
     */
    @Test
    void aRecordInTheFirstShapeReadsExactlyAsOneInTheSecond() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        try (Plenary plenary = Plenary.start(db, 0, 0, "plenary.history.snapshot-every=4")) {
            Client auditor = new Client(plenary.queryPort(), "auditor");
            Map<Long, String> documents = new HashMap<>();
            Map<Long, String> texts = new HashMap<>();
            String[] draft = new String[1];
            draft[0] = new Negotiating(plenary).negotiate(v -> {
                String d = auditor.get("/api/drafts").json().get(0).get("draftId").asText();
                documents.put(v, auditor.get("/api/drafts/" + d + "?version=" + v).body());
                texts.put(v, auditor.get("/api/drafts/" + d + "/text?version=" + v).body());
            });
            String d = draft[0];
            String history = auditor.get("/api/drafts/" + d + "/history").body();
            String events = auditor.get("/api/drafts/" + d + "/events?after=0").body();
            assertThat(history).contains("offering 'secure borders': too narrow");
            assertThat(stored(auditor, d, 4).payloadRevision()).isEqualTo("2");
            assertThat(stored(auditor, d, 4).payload().has("rationale")).isTrue();

            int rewritten = rewriteInTheFirstShape(db, d);
            assertThat(rewritten).as("the TextBracketed events").isEqualTo(3);
            assertThat(stored(auditor, d, 4).payloadRevision()).isNull();
            assertThat(stored(auditor, d, 4).payload().get("reason").asText()).isEqualTo("too narrow");
            assertThat(auditor.get("/api/drafts/" + d + "/verify").json().get("intact").asBoolean()).isTrue();

            Client secretariat = new Client(plenary.queryPort(), "secretariat");
            assertThat(secretariat.post("/api/admin/rebuild").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    secretariat.get("/api/admin/rebuild").json().get("state").asText().equals("DONE"));

            for (long v = 1; v <= 11; v++) {
                assertThat(auditor.get("/api/drafts/" + d + "?version=" + v).body()).isEqualTo(documents.get(v));
                assertThat(auditor.get("/api/drafts/" + d + "/text?version=" + v).body()).isEqualTo(texts.get(v));
            }
            assertThat(auditor.get("/api/drafts/" + d + "/history").body()).isEqualTo(history);
            assertThat(auditor.get("/api/drafts/" + d + "/events?after=0").body()).isEqualTo(events);
        }
    }

    private static StoredEvent line(String line) {
        try {
            return StoredEvent.fromLine(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes events into the event store exactly as they were stored, hashes and all. */
    private static void insert(DevDatabase db, List<StoredEvent> events) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,
                         payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (StoredEvent e : events) {
                s.setString(1, e.eventIdentifier());
                s.setString(2, e.aggregateIdentifier());
                s.setLong(3, e.sequenceNumber());
                s.setString(4, e.aggregateType());
                s.setString(5, e.timestamp());
                s.setString(6, e.payloadType());
                s.setString(7, e.payloadRevision());
                s.setBytes(8, JSON.writeValueAsBytes(e.payload()));
                s.setBytes(9, JSON.writeValueAsBytes(e.metaData()));
                s.executeUpdate();
            }
        }
    }

    private static StoredEvent stored(Client auditor, String draft, int version) throws Exception {
        return StoredEvent.fromLine(auditor.get("/api/drafts/" + draft + "/events?format=ndjson").body()
                .lines().toList().get(version - 1));
    }

    /** Writes the draft's TextBracketed events back as revision 1 wrote them, and chains the record over that. */
    private static int rewriteInTheFirstShape(DevDatabase db, String draft) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            c.createStatement().execute("SET session_replication_role = replica"); // past the append-only trigger
            int rewritten;
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE DomainEventEntry SET payloadRevision = NULL,
                        payload = convert_to(replace(convert_from(payload, 'UTF8'), '"rationale":', '"reason":'), 'UTF8')
                    WHERE aggregateIdentifier = ? AND payloadType = 'plenary.drafting.TextBracketed'""")) {
                s.setString(1, draft);
                rewritten = s.executeUpdate();
            }
            String previous = HashChain.GENESIS;
            for (StoredEvent event : new DatabaseLog(c).events(draft)) {
                String hash = HashChain.link(previous, event);
                ObjectNode metaData = ((ObjectNode) event.metaData()).put(HashChain.METADATA_KEY, hash);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?")) {
                    s.setBytes(1, JSON.writeValueAsBytes(metaData));
                    s.setString(2, event.eventIdentifier());
                    s.executeUpdate();
                }
                previous = hash;
            }
            return rewritten;
        }
    }
}
