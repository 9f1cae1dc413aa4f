package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of each side: liveness and readiness (the database; on the query side the broker and the
 * projection's lag too) without credentials, and Prometheus metrics of what the sides do.
 */
class OperabilityTest {

    static Plenary plenary;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void bothSidesAreLiveAndReadyAndSayWhatTheyChecked() {
        for (int port : new int[]{plenary.commandPort(), plenary.queryPort()}) {
            Client anyone = Client.anonymous(port);
            assertThat(anyone.get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    anyone.get("/actuator/health/readiness").json().get("status").asText().equals("UP"));
        }
        JsonNode command = Client.anonymous(plenary.commandPort()).get("/actuator/health/readiness").json();
        assertThat(command.at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode query = Client.anonymous(plenary.queryPort()).get("/actuator/health/readiness").json();
        assertThat(query.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(query.at("/components/broker/details/broker").asText()).isEqualTo("in memory");
        assertThat(query.at("/components/projection/details/processor").asText()).isEqualTo("drafts");
    }

    @Test
    void metricsTellCommandsEventsIdempotencyLagAndTheLiveChannel() throws Exception {
        String draft = new Drafts(plenary).seed("kaz");
        Client kaz = new Client(plenary.commandPort(), "kaz").with("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> paragraph = Map.of("section", "OPERATIVE", "text", "Parties shall meet.");
        String path = "/api/drafts/" + draft + "/paragraphs";
        assertThat(kaz.postJson(path, paragraph).status()).isEqualTo(201);
        assertThat(kaz.postJson(path, paragraph).header("Idempotent-Replayed")).isEqualTo("true");
        try (LiveClient live = new LiveClient(plenary.queryPort(), "kaz")) {
            live.subscribe("/topic/drafts." + draft);
            new Client(plenary.commandPort(), "kaz").postJson(path, Map.of("section", "OPERATIVE", "text", "Again."));
            live.next();

            String query = Client.anonymous(plenary.queryPort()).get("/actuator/prometheus").body();
            assertThat(query).contains("plenary_live_connections{application=\"plenary-query-side\"} 1.0")
                    .containsPattern("plenary_live_deliveries_total\\{[^}]*\\} [1-9]")
                    .contains("plenary_live_dropped{")
                    .contains("plenary_live_broker_available{application=\"plenary-query-side\"} 1.0");
            await().atMost(Duration.ofSeconds(10)).until(() -> Client.anonymous(plenary.queryPort())
                    .get("/actuator/prometheus").body()
                    .contains("plenary_projection_lag{application=\"plenary-query-side\",processor=\"drafts\",segment=\"0\"} 0.0"));
        }
        String command = Client.anonymous(plenary.commandPort()).get("/actuator/prometheus").body();
        assertThat(command)
                .containsPattern("plenary_commands_seconds_count\\{[^}]*outcome=\"recorded\",type=\"ProposeParagraph\"[^}]*\\} 2")
                .containsPattern("plenary_events_appended_total\\{[^}]*\\} [1-9]")
                .containsPattern("plenary_idempotency_total\\{[^}]*result=\"replayed\"[^}]*\\} 1.0")
                .containsPattern("plenary_idempotency_total\\{[^}]*result=\"first\"[^}]*\\} 1.0")
                .contains("http_server_requests_seconds_bucket");
    }
}
