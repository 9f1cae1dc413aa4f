package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Idempotency-Key} with real clients: a command repeated after a timeout, or many times at once, is carried
 * out once and every repeat gets the first answer; a key cannot be reused for another request; a refused command
 * is not remembered.
 */
class IdempotencyTest {

    static Plenary plenary;
    static Drafts drafts;
    static String draft;
    static String paragraph;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        drafts = new Drafts(plenary);
        draft = drafts.seed("kaz", "tjk");
        paragraph = Drafts.paragraph(drafts.awaitVersion(draft, 3), "v").get("paragraphId").asText();
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void aCommandRepeatedAfterATimeoutIsCarriedOutOnceAndEveryRepeatGetsTheFirstAnswer() throws Exception {
        Client kaz = client("kaz").with("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> bracket = Map.of("quote", "manage borders", "alternatives", List.of("secure borders"));
        String path = "/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets";

        assertThatThrownBy(() -> kaz.timeout(Duration.ofMillis(1)).postJson(path, bracket))
                .isInstanceOf(Client.TimedOut.class);
        List<Client.Response> repeats = AtOnce.run(Collections.nCopies(4, () -> kaz.postJson(path, bracket)));

        assertThat(repeats).extracting(Client.Response::status).containsOnly(201);
        assertThat(repeats).extracting(Client.Response::body).as("the same answer").containsOnly(repeats.get(0).body());
        assertThat(repeats).filteredOn(r -> r.header("Idempotent-Replayed") == null).as("carried out here")
                .hasSizeLessThanOrEqualTo(1);
        drafts.awaitVersion(draft, repeats.get(0).json().get("version").asLong());
        assertThat(events()).as("one event, whatever the repeats")
                .filteredOn(e -> e.at("/payload/quote").asText().equals("manage borders")).singleElement()
                .satisfies(e -> assertThat(e.get("version")).isEqualTo(repeats.get(0).json().get("version")));
    }

    @Test
    void aDraftCreatedWithAKeyIsCreatedOnce() throws Exception {
        Client secretariat = client("secretariat").with("Idempotency-Key", "create-" + UUID.randomUUID());
        Map<String, String> draft = Map.of("reference", "IDEM/1", "title", "Once", "kind", "declaration");

        List<Supplier<Client.Response>> creations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creations.add(() -> secretariat.postJson("/api/drafts", draft));
        }
        List<Client.Response> answers = AtOnce.run(creations);

        assertThat(answers).extracting(Client.Response::status).containsOnly(201);
        assertThat(answers).extracting(a -> a.json().get("draftId").asText()).containsOnly(
                answers.get(0).json().get("draftId").asText());
        assertThat(answers).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        drafts.awaitVersion(answers.get(0).json().get("draftId").asText(), 1);
        long created = new Client(plenary.queryPort(), "auditor").get("/api/drafts").json().findValues("reference")
                .stream().filter(r -> r.asText().equals("IDEM/1")).count();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedAndChangesNothing() {
        Client tjk = client("tjk").with("Idempotency-Key", "k-" + UUID.randomUUID());
        String path = "/api/drafts/" + draft + "/paragraphs";
        Client.Response first = tjk.postJson(path, Map.of("section", "OPERATIVE", "text", "Parties shall meet."));
        assertThat(first.status()).isEqualTo(201);
        drafts.awaitVersion(draft, first.json().get("version").asLong());
        int before = events().size();

        Client.Response other = tjk.postJson(path, Map.of("section", "OPERATIVE", "text", "Parties shall part."));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().get("detail").asText()).contains("was used for another request");
        assertThat(events()).hasSize(before);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = "shared-" + UUID.randomUUID();
        String path = "/api/drafts/" + draft + "/paragraphs";
        Client.Response byKaz = client("kaz").with("Idempotency-Key", key)
                .postJson(path, Map.of("section", "OPERATIVE", "text", "Parties shall consult KAZ."));
        Client.Response byTjk = client("tjk").with("Idempotency-Key", key)
                .postJson(path, Map.of("section", "OPERATIVE", "text", "Parties shall consult TJK."));

        assertThat(byKaz.status()).isEqualTo(201);
        assertThat(byTjk.status()).isEqualTo(201);
        assertThat(byTjk.json().get("paragraphId")).isNotEqualTo(byKaz.json().get("paragraphId"));
    }

    @Test
    void aRefusedCommandIsNotRememberedSoItsRepeatIsAskedAgain() {
        Client tur = client("tur").with("Idempotency-Key", "k-" + UUID.randomUUID());
        String path = "/api/drafts/" + draft + "/paragraphs";
        Map<String, String> text = Map.of("section", "OPERATIVE", "text", "Parties welcome Türkiye.");

        assertThat(tur.postJson(path, text).status()).as("not admitted yet").isEqualTo(403);
        client("secretariat").postJson("/api/drafts/" + draft + "/delegations",
                Map.of("code", "tur", "name", "the Republic of Türkiye", "participation", "CONFIRMED"));
        Client.Response admitted = tur.postJson(path, text);

        assertThat(admitted.status()).isEqualTo(201);
        assertThat(admitted.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aMalformedKeyIsRefused() {
        Client.Response tooLong = client("kaz").with("Idempotency-Key", "k".repeat(256))
                .postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Never."));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
    }

    private static List<JsonNode> events() {
        List<JsonNode> all = new ArrayList<>();
        new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft + "/events?after=0").json()
                .forEach(all::add);
        return all;
    }

    private static Client client(String user) {
        return new Client(plenary.commandPort(), user);
    }
}
