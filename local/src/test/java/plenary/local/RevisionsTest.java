package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's scenario, from outside: after the chair imports a new text of a draft, the revisions issued before are
 * still on record and still readable, cannot be issued again, and a silence procedure's outcome stays recorded.
 */
class RevisionsTest {

    @Test
    void aNewTextFromTheChairKeepsTheRecordOfRevisionsAndSilence() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0)) {
            Drafts drafts = new Drafts(plenary);
            String d = drafts.seed("kaz");
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client chair = new Client(plenary.commandPort(), "chair");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            Client auditor = new Client(plenary.queryPort(), "auditor");

            Client.Response rev1 = secretariat.postJson("/api/drafts/" + d + "/revisions", Map.of());
            assertThat(rev1.status()).as(rev1.body()).isEqualTo(201);
            assertThat(rev1.json().get("label").asText()).isEqualTo("Rev.1");
            long rev1Version = rev1.json().get("version").asLong();
            String atRev1 = drafts.awaitVersion(d, rev1Version).toString();

            Instant deadline = Instant.now().plus(1, ChronoUnit.HOURS);
            assertThat(secretariat.postJson("/api/drafts/" + d + "/silence-procedures",
                    Map.of("deadline", deadline.toString(), "subject", "TEXT")).status()).isEqualTo(201);
            assertThat(kaz.postJson("/api/drafts/" + d + "/silence-procedures/current/break",
                    Map.of("reason", "the borders paragraph is not agreed")).status()).isEqualTo(200);

            String text = auditor.get("/api/drafts/" + d + "/text?format=markdown").body();
            assertThat(text).contains("manage borders");
            Client.Response imported = chair.post("/api/drafts/" + d + "/import", "text/markdown",
                    text.replace("manage borders", "manage borders jointly"));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            JsonNode now = drafts.awaitVersion(d, imported.json().get("version").asLong());
            assertThat(now.get("paragraphs").toString()).contains("manage borders jointly");

            JsonNode revisions = auditor.get("/api/drafts/" + d + "/revisions").json();
            assertThat(revisions).hasSize(1);
            assertThat(revisions.get(0).get("label").asText()).isEqualTo("Rev.1");
            assertThat(revisions.get(0).get("version").asLong()).isEqualTo(rev1Version);
            Client.Response read = auditor.get("/api/drafts/" + d + "?revision=Rev.1");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().toString()).isEqualTo(atRev1);
            assertThat(now.at("/silenceProcedure/state").asText()).isEqualTo("BROKEN");
            assertThat(now.at("/silenceProcedure/reason").asText()).isEqualTo("the borders paragraph is not agreed");

            Client.Response again = secretariat.postJson("/api/drafts/" + d + "/revisions", Map.of("label", "Rev.1"));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            Client.Response next = secretariat.postJson("/api/drafts/" + d + "/revisions", Map.of());
            assertThat(next.json().get("label").asText()).isEqualTo("Rev.2");
        }
    }
}
