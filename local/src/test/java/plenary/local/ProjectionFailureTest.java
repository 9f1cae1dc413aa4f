package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the drafts projection cannot store (issue 10, item 7): here the read model's storage refuses one draft's
 * rows, as a full disk or a bad value would. The event is neither skipped nor able to hold up the other drafts:
 * it waits in the dead-letter queue with its draft's later events, every read of that draft says how far it is
 * behind, the operators see it, and once storage takes it again the draft catches up in order with nothing lost.
 */
class ProjectionFailureTest {

    static DevDatabase db;
    static Plenary plenary;

    @BeforeAll
    static void start() {
        db = DevDatabase.forTests();
        plenary = Plenary.start(db, 0, 0, "plenary.projection.retry-first=PT1S", "plenary.projection.retry-max=PT2S");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void anEventTheProjectionCannotStoreIsHeldAndRetriedWhileOtherDraftsGoOn() throws Exception {
        Drafts drafts = new Drafts(plenary);
        String stuck = drafts.seed("kaz");
        String other = drafts.seed("kaz");
        Client kaz = new Client(plenary.commandPort(), "kaz");
        Client auditor = new Client(plenary.queryPort(), "auditor");
        sql("CREATE FUNCTION refuse_one_draft() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.draft_id = '" + stuck + "' THEN RAISE EXCEPTION 'no space left for this draft'; END IF; "
                + "RETURN NEW; END $$");
        sql("CREATE TRIGGER refuse_one_draft BEFORE INSERT ON history_entry FOR EACH ROW "
                + "EXECUTE FUNCTION refuse_one_draft()");

        long held = propose(kaz, stuck, "Parties meet in spring.");
        long last = propose(kaz, stuck, "Parties meet in autumn.");
        long elsewhere = propose(kaz, other, "Parties meet in winter.");

        assertThat(drafts.awaitVersion(other, elsewhere).get("version").asLong()).as("other drafts go on")
                .isEqualTo(elsewhere);
        await().atMost(Duration.ofSeconds(20)).until(() -> "2".equals(auditor.get("/api/drafts/" + stuck)
                .header("Plenary-Behind")));
        Client.Response behind = auditor.get("/api/drafts/" + stuck);
        assertThat(behind.json().get("version").asLong()).isEqualTo(held - 1);
        assertThat(behind.header("Plenary-Record-Version")).isEqualTo(String.valueOf(last));
        assertThat(auditor.get("/api/drafts/" + stuck + "/text?format=markdown").header("Plenary-Behind"))
                .as("every read says so").isEqualTo("2");
        assertThat(auditor.get("/api/drafts/" + other).header("Plenary-Behind")).isNull();

        JsonNode projection = new Client(plenary.queryPort(), "secretariat").get("/api/admin/projection").json();
        JsonNode letter = projection.get("deadLetters").get(0);
        assertThat(letter.get("draftId").asText()).isEqualTo(stuck);
        assertThat(letter.get("fromVersion").asLong()).isEqualTo(held);
        assertThat(letter.get("events").asLong()).isEqualTo(2);
        assertThat(letter.get("cause").asText()).contains("no space left for this draft");
        assertThat(projection.get("deadLetters")).hasSize(1);

        sql("DROP TRIGGER refuse_one_draft ON history_entry");

        JsonNode caughtUp = drafts.awaitVersion(stuck, last);
        assertThat(caughtUp.get("version").asLong()).isEqualTo(last);
        assertThat(auditor.get("/api/drafts/" + stuck).header("Plenary-Behind")).isNull();
        JsonNode events = auditor.get("/api/drafts/" + stuck + "/events?after=0").json();
        assertThat(events).hasSize((int) last);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("version").asLong()).isEqualTo(i + 1);
        }
        assertThat(auditor.get("/api/drafts/" + stuck + "/history").json()).hasSize((int) last);
        assertThat(auditor.get("/api/drafts/" + stuck + "/text?format=markdown").body())
                .contains("Parties meet in spring.", "Parties meet in autumn.");
        await().atMost(Duration.ofSeconds(10)).until(() -> new Client(plenary.queryPort(), "secretariat")
                .get("/api/admin/projection").json().get("deadLetters").isEmpty());
    }

    private static long propose(Client kaz, String draft, String text) {
        Client.Response r = kaz.postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE", "text", text));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("version").asLong();
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
