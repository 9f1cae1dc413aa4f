package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegations acting on the same words at the same instant, as real concurrent HTTP clients: every proposal is
 * either acknowledged and kept, or refused with a clear 409 that shows the text as it now stands; commands made
 * against the same version succeed once and the others get 412.
 */
class ConcurrentEditsTest {

    static final String[] DELEGATIONS = {"kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur"};

    static Plenary plenary;
    static Drafts drafts;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        drafts = new Drafts(plenary);
        draft = drafts.seed(DELEGATIONS);
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void overlappingBracketsAtTheSameInstantAreKeptOrRefusedWithTheCurrentText() throws Exception {
        for (int round = 0; round < 8; round++) {
            JsonNode proposed = chairProposes("Parties shall promote regional dialogue and practical cooperation on "
                    + "mixed migration, round " + round + ".");
            String paragraph = proposed.get("paragraphId").asText();
            String path = "/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets";
            // KAZ and TJK cut across each other; TKM's words lie within KAZ's, so they can nest
            List<Client.Response> answers = AtOnce.run(List.<Supplier<Client.Response>>of(
                    () -> client("kaz").postJson(path, Map.of("quote", "regional dialogue and practical")),
                    () -> client("tjk").postJson(path, Map.of("quote", "practical cooperation on mixed",
                            "alternatives", List.of("practical cooperation on all"))),
                    () -> client("tkm").postJson(path, Map.of("quote", "dialogue",
                            "alternatives", List.of("consultation")))));

            assertThat(answers).extracting(Client.Response::status).allMatch(s -> s == 201 || s == 409);
            assertThat(answers.get(0).status() == 201).as("round %d: KAZ or TJK, not both", round)
                    .isNotEqualTo(answers.get(1).status() == 201);
            long version = lastVersion(proposed.get("version").asLong(), answers);
            JsonNode text = paragraph(drafts.awaitVersion(draft, version), paragraph);
            for (Client.Response answer : answers) {
                if (answer.status() == 201) {
                    assertThat(bracketIds(text)).as("an acknowledged bracket is kept")
                            .contains(answer.json().get("bracketId").asText());
                } else {
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                    assertThat(answer.json().at("/paragraph/paragraphId").asText()).isEqualTo(paragraph);
                    assertThat(answer.json().at("/paragraph/text").asText()).as("the text as it now stands")
                            .contains("[");
                }
            }
        }
    }

    @Test
    void alternativesProposedAtTheSameInstantAreAllKept() throws Exception {
        String paragraph = chairProposes("Parties shall endeavour to strengthen border management.")
                .get("paragraphId").asText();
        Client.Response bracketed = client("chair").postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph
                + "/brackets", Map.of("quote", "endeavour to"));
        String bracket = bracketed.json().get("bracketId").asText();

        List<Supplier<Client.Response>> proposals = new ArrayList<>();
        for (String code : DELEGATIONS) {
            proposals.add(() -> client(code).postJson("/api/drafts/" + draft + "/brackets/" + bracket
                    + "/alternatives", Map.of("text", "undertake, as " + code.toUpperCase() + " proposes, to")));
        }
        List<Client.Response> answers = AtOnce.run(proposals);

        assertThat(answers).extracting(Client.Response::status).containsOnly(201);
        assertThat(answers).extracting(a -> a.json().get("version").asLong()).doesNotHaveDuplicates();
        JsonNode kept = paragraph(drafts.awaitVersion(draft, lastVersion(0, answers)), paragraph)
                .get("brackets").get(0);
        List<String> alternatives = new ArrayList<>();
        kept.get("alternatives").forEach(a -> alternatives.add(a.get("alternativeId").asText()));
        assertThat(alternatives).hasSize(1 + DELEGATIONS.length)
                .containsAll(answers.stream().map(a -> a.json().get("alternativeId").asText()).toList());
    }

    @Test
    void ofCommandsMadeAgainstTheSameVersionOneSucceedsAndTheOthersGet412() throws Exception {
        JsonNode proposed = chairProposes("Parties shall share information on mixed movements.");
        String paragraph = proposed.get("paragraphId").asText();
        long seen = proposed.get("version").asLong();

        List<Supplier<Client.Response>> commands = new ArrayList<>();
        for (String code : DELEGATIONS) {
            commands.add(() -> client(code).with("If-Match", "\"" + seen + "\"").postJson("/api/drafts/" + draft
                    + "/paragraphs/" + paragraph + "/brackets", Map.of("quote", "share information")));
        }
        List<Client.Response> answers = AtOnce.run(commands);

        assertThat(answers).extracting(Client.Response::status).containsOnly(201, 412);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 412).allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.json().get("currentVersion").asLong()).isEqualTo(seen + 1);
        });
        assertThat(bracketIds(paragraph(drafts.awaitVersion(draft, seen + 1), paragraph))).hasSize(1);
    }

    /** The chair proposes an operative paragraph; its id and the draft's version then. */
    private static JsonNode chairProposes(String text) {
        Client.Response proposed = client("chair").postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", text));
        assertThat(proposed.status()).isEqualTo(201);
        return proposed.json();
    }

    /** The draft's version after the last acknowledged of these answers, and no earlier than {@code since}. */
    private static long lastVersion(long since, List<Client.Response> answers) {
        return answers.stream().filter(a -> a.status() < 300).mapToLong(a -> a.json().get("version").asLong())
                .reduce(since, Math::max);
    }

    private static Client client(String user) {
        return new Client(plenary.commandPort(), user);
    }

    private static JsonNode paragraph(JsonNode document, String paragraphId) {
        for (JsonNode p : document.get("paragraphs")) {
            if (p.get("paragraphId").asText().equals(paragraphId)) {
                return p;
            }
        }
        throw new AssertionError("no paragraph " + paragraphId);
    }

    private static List<String> bracketIds(JsonNode paragraph) {
        List<String> ids = new ArrayList<>();
        paragraph.get("brackets").forEach(b -> ids.add(b.get("bracketId").asText()));
        return ids;
    }
}
