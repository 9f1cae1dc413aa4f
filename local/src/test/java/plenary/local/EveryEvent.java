package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A negotiation over HTTP that records every kind of event a draft's record can hold but the conclusion of a
 * silence procedure (which waits for its deadline): two drafts, one created empty and one imported, taken through
 * brackets, options, footnotes, a revision, a chair's new text, silence, finalisation and a corrigendum. Its ids
 * follow from the versions alone, so two runs give the same documents but for the drafts' ids.
 */
final class EveryEvent {

    static final String TEXT = """
            Ref: TEST/2025/7

            Date: 01/03/2025

            **Declaration on Borders and Water**

            *We, the Parties,*

            (i) *Recalling* our earlier commitments to manage borders in a humane way,<sup>1</sup>

            (ii) **Noting** the [regional][national] water strategies,

            *Have agreed as follows:*

            1. Parties shall manage borders together and share information.

            2. Parties shall cooperate on mixed migration:

               (a) by sharing data;

               (b) by joint training.

            ---

            <sup>1</sup> As agreed at the first meeting.
            """;

    /** A silence procedure that nobody waits for: it is broken long before. */
    static final String DEADLINE = "2099-01-01T00:00:00Z";

    private final Client secretariat;
    private final Client chair;
    private final Client kaz;
    private final Client tjk;
    private final Client auditor;
    private final Drafts drafts;

    EveryEvent(Plenary plenary) {
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        kaz = new Client(plenary.commandPort(), "kaz");
        tjk = new Client(plenary.commandPort(), "tjk");
        auditor = new Client(plenary.queryPort(), "auditor");
        drafts = new Drafts(plenary);
    }

    /** The ids of the two drafts: the one created empty, then the one imported and negotiated to its corrigendum. */
    List<String> negotiate() {
        JsonNode created = ok(secretariat.postJson("/api/drafts", Map.of("reference", "TEST/2025/8",
                "title", "Decision on Rivers", "kind", "decision", "date", "02/03/2025", "venue", "Almaty")));
        String empty = created.get("draftId").asText();
        ok(empty, secretariat.postJson(at(empty, "/delegations"),
                Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")));
        ok(empty, kaz.postJson(at(empty, "/paragraphs"), Map.of("section", "OPERATIVE", "text", "Rivers *matter*.")));

        String d = ok(secretariat.post("/api/drafts/import", "text/markdown", TEXT)).get("draftId").asText();
        ok(d, secretariat.postJson(at(d, "/delegations"),
                Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")));
        ok(d, secretariat.postJson(at(d, "/delegations"),
                Map.of("code", "tjk", "name", "the Republic of Tajikistan", "participation", "PENDING")));
        ok(d, secretariat.postJson(at(d, "/delegations/tjk/participation"), Map.of("participation", "CONFIRMED")));

        String op1 = paragraph(d, "1");
        String b = ok(d, kaz.postJson(at(d, "/paragraphs/" + op1 + "/brackets"), Map.of("quote", "manage borders",
                "alternatives", List.of("secure *borders*"), "reason", "too narrow"))).get("bracketId").asText();
        String secure = alternatives(d, b).get(1);
        String control = ok(d, tjk.postJson(at(d, "/brackets/" + b + "/alternatives"), Map.of("text", "control borders")))
                .get("alternativeId").asText();
        ok(d, tjk.post(at(d, "/brackets/" + b + "/alternatives/" + secure + "/support")));
        ok(d, kaz.post(at(d, "/brackets/" + b + "/alternatives/" + control + "/objection")));
        String guard = ok(d, kaz.postJson(at(d, "/brackets/" + b + "/alternatives"), Map.of("text", "guard borders")))
                .get("alternativeId").asText();
        ok(d, kaz.post(at(d, "/brackets/" + b + "/alternatives/" + guard + "/withdraw")));
        ok(d, chair.postJson(at(d, "/brackets/" + b + "/bridging"),
                Map.of("replaces", List.of(secure, control), "text", "jointly manage borders")));

        String added = ok(d, kaz.postJson(at(d, "/paragraphs"), Map.of("section", "OPERATIVE", "after", op1,
                "text", "Parties shall establish a **regional** working group.")))
                .get("paragraphId").asText();
        ok(d, tjk.postJson(at(d, "/paragraphs/" + paragraph(d, "2") + "/options"),
                Map.of("text", "Parties shall consult on migration.")));
        String deletion = ok(d, kaz.post(at(d, "/paragraphs/" + added + "/deletion"))).get("bracketId").asText();
        ok(d, kaz.post(at(d, "/brackets/" + deletion + "/withdraw")));
        ok(d, chair.postJson(at(d, "/paragraphs/" + added + "/move"), mapWithNull("after")));
        ok(d, chair.postJson(at(d, "/paragraphs/" + op1 + "/status"), Map.of("status", "FIRST_READING")));
        ok(d, kaz.postJson(at(d, "/paragraphs/" + op1 + "/agreement"), Map.of("adReferendum", true)));
        ok(d, kaz.delete(at(d, "/paragraphs/" + op1 + "/agreement")));
        ok(d, chair.postJson(at(d, "/footnotes"),
                Map.of("paragraphId", added, "quote", "working group", "text", "As defined in *the annex*.")));
        ok(d, chair.delete(at(d, "/footnotes/1")));
        ok(d, secretariat.post(at(d, "/renumbering")));
        ok(d, secretariat.postJson(at(d, "/revisions"), Map.of()));

        String markdown = auditor.get(at(d, "/text?format=markdown")).body();
        assertThat(markdown).contains("humane way");
        ok(d, chair.post(at(d, "/import"), "text/markdown", markdown.replace("humane way", "humane and orderly way")));

        ok(d, secretariat.postJson(at(d, "/silence-procedures"), Map.of("deadline", DEADLINE, "subject", "TEXT")));
        ok(d, kaz.postJson(at(d, "/silence-procedures/current/break"), Map.of("reason", "not yet")));
        for (JsonNode open = firstOpen(d); open != null; open = firstOpen(d)) {
            ok(d, chair.postJson(at(d, "/brackets/" + open.get("bracketId").asText() + "/accept"),
                    Map.of("alternativeId", open.at("/alternatives/0/alternativeId").asText())));
        }
        ok(d, secretariat.post(at(d, "/finalise")));
        String fin = auditor.get(at(d, "/text?format=markdown")).body();
        ok(d, secretariat.post(at(d, "/corrigenda"), "text/markdown", fin.replace("share information", "share data")));
        return List.of(empty, d);
    }

    private static Map<String, Object> mapWithNull(String key) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put(key, null);
        return body;
    }

    private static String at(String draft, String path) {
        return "/api/drafts/" + draft + path;
    }

    /** The answer of a command that made a draft; waits until the query side shows it. */
    private JsonNode ok(Client.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode answer = response.json();
        return ok(answer.get("draftId").asText(), response);
    }

    /** The answer of a command on draft {@code d} that must succeed; waits until the query side shows it. */
    private JsonNode ok(String d, Client.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        JsonNode answer = response.json();
        versions.put(d, answer.get("version").asLong());
        drafts.awaitVersion(d, versions.get(d));
        return answer;
    }

    private final Map<String, Long> versions = new java.util.HashMap<>();

    private JsonNode document(String d) {
        return drafts.awaitVersion(d, versions.get(d));
    }

    private String paragraph(String d, String number) {
        return Drafts.paragraph(document(d), number).get("paragraphId").asText();
    }

    private List<String> alternatives(String d, String bracketId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : document(d).get("paragraphs")) {
            for (JsonNode bracket : p.get("brackets")) {
                if (bracket.get("bracketId").asText().equals(bracketId)) {
                    bracket.get("alternatives").forEach(a -> ids.add(a.get("alternativeId").asText()));
                }
            }
        }
        return ids;
    }

    private JsonNode firstOpen(String d) {
        for (JsonNode p : document(d).get("paragraphs")) {
            if (!p.get("brackets").isEmpty()) {
                return p.get("brackets").get(0);
            }
        }
        return null;
    }
}
