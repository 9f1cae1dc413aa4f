package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the read models from the first event gives back every table exactly as it was built live. */
class RebuildTest {

    @Test
    void aRebuildGivesBackEveryProjectionAsItWasBuiltLive() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        try (Plenary plenary = Plenary.start(db, 0, 0, "plenary.history.snapshot-every=2");
             LiveClient live = new LiveClient(plenary.queryPort(), "tjk")) {
            Negotiating negotiating = new Negotiating(plenary);
            String first = negotiating.negotiate(v -> { });
            negotiating.negotiate(v -> { });
            negotiating.negotiate(v -> { });
            Map<String, List<String>> built = Tables.dump(db);
            assertThat(built.get("draft")).hasSize(3);
            assertThat(built.get("draft_event")).hasSize(33);
            assertThat(built.get("draft_snapshot")).hasSize(15);
            assertThat(built.get("history_entry")).hasSize(33);

            Client secretariat = new Client(plenary.queryPort(), "secretariat");
            Client auditor = new Client(plenary.queryPort(), "auditor");
            assertThat(auditor.post("/api/admin/rebuild").status()).isEqualTo(403);
            assertThat(secretariat.get("/api/admin/rebuild").json().get("state").asText()).isEqualTo("IDLE");
            live.subscribe("/topic/drafts." + first);

            Client.Response started = secretariat.post("/api/admin/rebuild");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().get("head").asLong()).isEqualTo(33);
            JsonNode[] progress = new JsonNode[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                progress[0] = secretariat.get("/api/admin/rebuild").json();
                return progress[0].get("state").asText().equals("DONE");
            });
            assertThat(progress[0].get("position").asLong()).isEqualTo(33);
            assertThat(progress[0].get("events").asLong()).isEqualTo(33);
            assertThat(progress[0].get("percent").asInt()).isEqualTo(100);
            assertThat(progress[0].get("eventsPerSecond").asDouble()).isPositive();

            assertThat(Tables.dump(db)).isEqualTo(built);
            assertThat(live.received).as("replaying history tells live clients nothing new").isEmpty();

            // and the projection goes on live from there
            String paragraph = auditor.get("/api/drafts/" + first).json().at("/paragraphs/0/paragraphId").asText();
            new Client(plenary.commandPort(), "kaz").postJson("/api/drafts/" + first + "/paragraphs/" + paragraph
                    + "/brackets", Map.of("quote", "Parties"));
            assertThat(live.next().get("version").asLong()).isEqualTo(12);
        }
    }
}
