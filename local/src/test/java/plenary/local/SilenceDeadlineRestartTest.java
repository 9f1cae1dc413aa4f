package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A silence procedure's deadline is kept in PostgreSQL: it fires even if the command side was down at the time. */
class SilenceDeadlineRestartTest {

    @Test
    void theDeadlineFiresAfterTheCommandSideRestarts() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        String draft;
        Instant deadline;
        try (Plenary first = Plenary.start(db, 0, 0)) {
            Client secretariat = new Client(first.commandPort(), "secretariat");
            draft = secretariat.post("/api/drafts/import", "text/markdown",
                    "(i) We, the representatives of [the Islamic Republic of Iran],\n\n1. Decide to cooperate.\n")
                    .json().get("draftId").asText();
            secretariat.postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", "irn", "name", "the Islamic Republic of Iran", "participation", "PENDING"));
            deadline = Instant.now().plusSeconds(4); // from now: on a loaded machine the import alone can take seconds
            Client.Response started = secretariat.postJson("/api/drafts/" + draft + "/silence-procedures",
                    Map.of("deadline", deadline.toString(), "subject", "PARTICIPATION"));
            assertThat(started.status()).isEqualTo(201);
        }
        // down over the deadline
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline).toMillis() + 1000));

        try (Plenary second = Plenary.start(db, 0, 0)) {
            Client auditor = new Client(second.queryPort(), "auditor");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                    "CONCLUDED".equals(auditor.get("/api/drafts/" + draft).json()
                            .at("/silenceProcedure/state").asText()));
            JsonNode doc = auditor.get("/api/drafts/" + draft).json();
            assertThat(doc.at("/participants/0/participation").asText()).isEqualTo("CONFIRMED");
            assertThat(doc.at("/paragraphs/0/text").asText()).doesNotContain("[");
            JsonNode last = auditor.get("/api/drafts/" + draft + "/events?after=3").json();
            assertThat(last).hasSize(1);
            assertThat(last.at("/0/type").asText()).isEqualTo("SilenceProcedureConcluded");
            assertThat(last.at("/0/actor/user").asText()).isEqualTo("secretariat");
            assertThat(Instant.parse(last.at("/0/timestamp").asText())).isAfterOrEqualTo(deadline);
        }
    }
}
