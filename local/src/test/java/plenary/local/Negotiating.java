package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A short negotiation driven over HTTP as clients drive it: brackets with alternatives and a rationale, a
 * proposal with brackets of its own, acceptances. After each command it waits until the query side shows that
 * version, then tells the caller.
 */
final class Negotiating {

    static final String TEXT = """
            Ref: TEST/2025/1

            Date: 01/03/2025

            **Declaration on Borders**

            *We, the Parties,*

            (i) *Recalling* our earlier commitments to manage borders in a humane way,

            *Have agreed as follows:*

            1. Parties shall manage borders together and share information.

            2. Parties shall cooperate on mixed migration.
            """;

    private final Client secretariat;
    private final Client chair;
    private final Client kaz;
    private final Client tjk;
    private final Client auditor;

    Negotiating(Plenary plenary) {
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        kaz = new Client(plenary.commandPort(), "kaz");
        tjk = new Client(plenary.commandPort(), "tjk");
        auditor = new Client(plenary.queryPort(), "auditor");
    }

    /** Negotiates a new draft to version 11 and answers its id. */
    String negotiate(LongConsumer afterEachVersion) {
        JsonNode imported = secretariat.post("/api/drafts/import", "text/markdown", TEXT).json();
        String d = imported.get("draftId").asText();
        step(d, imported, afterEachVersion);
        step(d, secretariat.postJson("/api/drafts/" + d + "/delegations",
                Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")).json(),
                afterEachVersion);
        step(d, secretariat.postJson("/api/drafts/" + d + "/delegations",
                Map.of("code", "tjk", "name", "the Republic of Tajikistan", "participation", "CONFIRMED")).json(),
                afterEachVersion);
        String op1 = paragraph(d, "1");
        JsonNode bracket = kaz.postJson("/api/drafts/" + d + "/paragraphs/" + op1 + "/brackets", Map.of(
                "quote", "manage borders", "alternatives", List.of("secure borders"), "reason", "too narrow")).json();
        step(d, bracket, afterEachVersion);
        String b = bracket.get("bracketId").asText();
        JsonNode alternative = tjk.postJson("/api/drafts/" + d + "/brackets/" + b + "/alternatives",
                Map.of("text", "control borders")).json();
        step(d, alternative, afterEachVersion);
        JsonNode proposed = kaz.postJson("/api/drafts/" + d + "/paragraphs", Map.of("section", "OPERATIVE",
                "after", op1, "text", "Parties shall establish a [regional][national] working group.")).json();
        step(d, proposed, afterEachVersion);
        String op1bis = proposed.get("paragraphId").asText();
        step(d, tjk.postJson("/api/drafts/" + d + "/paragraphs/" + op1bis + "/brackets",
                Map.of("quote", "working group", "alternatives", List.of(""))).json(), afterEachVersion);
        step(d, chair.postJson("/api/drafts/" + d + "/brackets/" + b + "/accept",
                Map.of("alternativeId", alternative.get("alternativeId").asText())).json(), afterEachVersion);
        step(d, tjk.postJson("/api/drafts/" + d + "/paragraphs/" + paragraph(d, "2") + "/brackets",
                Map.of("quote", "mixed migration", "reason", "")).json(), afterEachVersion);
        for (int i = 0; i < 2; i++) {
            JsonNode open = firstOpen(d);
            step(d, chair.postJson("/api/drafts/" + d + "/brackets/" + open.get("bracketId").asText() + "/accept",
                    Map.of("alternativeId", open.at("/alternatives/0/alternativeId").asText())).json(),
                    afterEachVersion);
        }
        return d;
    }

    private void step(String d, JsonNode answer, LongConsumer afterEachVersion) {
        long version = answer.get("version").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Client.Response r = auditor.get("/api/drafts/" + d);
            return r.status() == 200 && r.json().get("version").asLong() >= version;
        });
        assertThat(document(d).get("version").asLong()).as("nobody else changes this draft").isEqualTo(version);
        afterEachVersion.accept(version);
    }

    private JsonNode document(String d) {
        return auditor.get("/api/drafts/" + d).json();
    }

    private String paragraph(String d, String number) {
        for (JsonNode p : document(d).get("paragraphs")) {
            if (number.equals(p.get("number").asText())) {
                return p.get("paragraphId").asText();
            }
        }
        throw new AssertionError("no paragraph " + number);
    }

    private JsonNode firstOpen(String d) {
        for (JsonNode p : document(d).get("paragraphs")) {
            if (!p.get("brackets").isEmpty()) {
                return p.get("brackets").get(0);
            }
        }
        throw new AssertionError("no open bracket");
    }
}
