package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.record.DatabaseLog;
import plenary.record.HashChain;
import plenary.record.StoredEvent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TextBracketed revision 2 renamed {@code reason} to {@code rationale}. A record written in the first shape
 * (with its hash chain over that shape) reads, after a rebuild through the upcaster, byte for byte as the same
 * negotiation recorded in the second shape: every historic version, the timeline and the events.
 */
class EventEvolutionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
