package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.drafting.DraftEvent;
import plenary.drafting.catalogue.Events;
import plenary.text.Document;
import plenary.text.Fold;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of 10,000 commands from eight delegations at once on one draft, so that the projection folds them in
 * batches: afterwards the paragraph-granular read model (each paragraph written only when an event changed it)
 * holds exactly the document that folding every event from scratch gives.
 */
class BurstTest {

    static final String[] WRITERS = {"kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak"};
    static final int COMMANDS = 10_000;

    @Test
    void afterABurstTheParagraphReadModelIsTheFoldFromScratch() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        try (Plenary plenary = Plenary.start(db, 0, 0)) {
            String draft = new Drafts(plenary).seed(WRITERS);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS.length);
            List<Future<Long>> done = new ArrayList<>();
            for (String writer : WRITERS) {
                done.add(writers.submit(() -> burst(new Client(plenary.commandPort(), writer), draft,
                        COMMANDS / WRITERS.length)));
            }
            long version = 0;
            for (Future<Long> f : done) {
                version = Math.max(version, f.get());
            }
            writers.shutdown();
            long last = version;
            Client auditor = new Client(plenary.queryPort(), "auditor");
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    auditor.get("/api/drafts/" + draft).json().get("version").asLong() >= last);

            ObjectMapper json = plenary.querySide().getBean(ObjectMapper.class);
            List<DraftEvent> events = new ArrayList<>();
            for (JsonNode e : auditor.get("/api/drafts/" + draft + "/events?after=0").json()) {
                events.add(json.treeToValue(e.get("payload"), Events.ofKind(e.get("type").asText()).orElseThrow()));
            }
            assertThat(events).hasSize((int) last);
            Document fromScratch = Fold.replay(events);

            assertThat(stored(db, json, draft)).isEqualTo(fromScratch);
            assertThat(fromScratch.paragraphs()).hasSizeGreaterThan(COMMANDS / 5);
        }
    }

    /**
     * One delegation's share: proposes a paragraph (every other one in the middle of the text), brackets words in
     * it with an alternative, proposes another, agrees the paragraph and withdraws its bracket. Answers the last
     * version it made.
     */
    private static long burst(Client client, String draft, int commands) {
        String base = "/api/drafts/" + draft;
        String previous = null;
        long version = 0;
        for (int i = 0; i < commands / 5; i++) {
            Map<String, Object> proposal = new HashMap<>(Map.of("section", "OPERATIVE",
                    "text", "The Parties shall act on matter " + i + " in good faith."));
            if (i % 2 == 1) {
                proposal.put("after", previous);
            }
            JsonNode p = retry(() -> client.postJson(base + "/paragraphs", proposal));
            String paragraph = p.get("paragraphId").asText();
            JsonNode b = retry(() -> client.postJson(base + "/paragraphs/" + paragraph + "/brackets",
                    Map.of("quote", "good faith", "alternatives", List.of("full cooperation"))));
            String bracket = b.get("bracketId").asText();
            retry(() -> client.postJson(base + "/brackets/" + bracket + "/alternatives", Map.of("text", "mutual trust")));
            boolean adReferendum = i % 3 == 0;
            retry(() -> client.postJson(base + "/paragraphs/" + paragraph + "/agreement", Map.of("adReferendum", adReferendum)));
            version = retry(() -> client.post(base + "/brackets/" + bracket + "/withdraw")).get("version").asLong();
            previous = paragraph;
        }
        return version;
    }

    /** A command that met another's append at the same version (409) changed nothing: send it again. */
    private static JsonNode retry(java.util.function.Supplier<Client.Response> command) {
        for (int attempt = 0; ; attempt++) {
            Client.Response r = command.get();
            if (r.status() < 300) {
                return r.json();
            }
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(attempt).as("retries of " + r.body()).isLessThan(50);
        }
    }

    /** The draft as the read model's tables hold it: the row's head and order, and each paragraph's own row. */
    private static Document stored(DevDatabase db, ObjectMapper json, String draft) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             PreparedStatement head = c.prepareStatement("SELECT version, head::text, paragraphs FROM draft WHERE draft_id = ?");
             PreparedStatement rows = c.prepareStatement(
                     "SELECT paragraph_id, paragraph::text FROM draft_paragraph WHERE draft_id = ?")) {
            head.setString(1, draft);
            rows.setString(1, draft);
            Map<String, JsonNode> paragraphs = new HashMap<>();
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    paragraphs.put(rs.getString(1), json.readTree(rs.getString(2)));
                }
            }
            try (ResultSet rs = head.executeQuery()) {
                assertThat(rs.next()).isTrue();
                ObjectNode document = (ObjectNode) json.readTree(rs.getString(2));
                document.put("version", rs.getLong(1));
                ArrayNode inOrder = document.putArray("paragraphs");
                Array order = rs.getArray(3);
                for (String id : (String[]) order.getArray()) {
                    inOrder.add(paragraphs.remove(id));
                }
                assertThat(paragraphs).as("rows of paragraphs the draft no longer has").isEmpty();
                return json.treeToValue(document, Document.class);
            }
        }
    }
}
