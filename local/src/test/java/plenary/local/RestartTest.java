package plenary.local;

import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping Plenary loses nothing: the drafts come back from the events, and the processor resumes its token. */
class RestartTest {

    @Test
    void draftsAndTheRecordSurviveARestart() {
        DevDatabase db = DevDatabase.forTests();
        String draft;
        try (Plenary first = Plenary.start(db, 0, 0)) {
            Client secretariat = new Client(first.commandPort(), "secretariat");
            draft = secretariat.post("/api/drafts/import", "text/markdown", "1. Parties shall act.\n")
                    .json().get("draftId").asText();
            secretariat.postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED"));
            awaitEvents(new Client(first.queryPort(), "auditor"), draft, 2);
        }

        try (Plenary second = Plenary.start(db, 0, 0)) {
            Client auditor = new Client(second.queryPort(), "auditor");
            assertThat(auditor.get("/api/drafts/" + draft).json().get("version").asLong()).isEqualTo(2);

            // the aggregate is rebuilt from its events: KAZ is still admitted and the next version is 3
            String paragraph = auditor.get("/api/drafts/" + draft).json().at("/paragraphs/0/paragraphId").asText();
            Client.Response bracketed = new Client(second.commandPort(), "kaz").postJson(
                    "/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets", Map.of("quote", "shall"));
            assertThat(bracketed.status()).isEqualTo(201);
            assertThat(bracketed.json().get("version").asLong()).isEqualTo(3);

            // the processor resumed from its token: every event once, none replayed twice
            awaitEvents(auditor, draft, 3);
            assertThat(auditor.get("/api/drafts/" + draft + "/events?after=0").json()).hasSize(3);
            assertThat(auditor.get("/api/drafts/" + draft).json().at("/paragraphs/0/text").asText())
                    .isEqualTo("Parties [shall] act.");
        }
    }

    private static void awaitEvents(Client auditor, String draft, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Client.Response r = auditor.get("/api/drafts/" + draft + "/events?after=0");
            return r.status() == 200 && r.json().size() == count;
        });
    }
}
