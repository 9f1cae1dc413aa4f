package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Almaty negotiation, scripted over HTTP from a zero draft to the final communiqué: the export of the final
 * version is the seed itself.
 */
class AlmatyNegotiationTest {

    static final Map<String, String> DELEGATIONS = new LinkedHashMap<>();

    static {
        DELEGATIONS.put("kaz", "the Republic of Kazakhstan");
        DELEGATIONS.put("kgz", "the Kyrgyz Republic");
        DELEGATIONS.put("tjk", "the Republic of Tajikistan");
        DELEGATIONS.put("afg", "the Islamic Republic of Afghanistan");
        DELEGATIONS.put("aze", "the Republic of Azerbaijan");
        DELEGATIONS.put("irn", "the Islamic Republic of Iran");
        DELEGATIONS.put("pak", "the Islamic Republic of Pakistan");
        DELEGATIONS.put("tur", "the Republic of Turkey");
    }

    static final String PP_X = "*Recognizing* the initiative of the Central Asian States to develop a Regional "
            + "Cooperation Framework for Central Asia, as adopted by the National Coordinators of the four Central Asian "
            + "States (Republic of Kazakhstan, Kyrgyz Republic, Republic of Tajikistan, and Turkmenistan) at the "
            + "National Coordinators' Meeting on 7 September 2012, that could be used as a basis for developing a "
            + "broader regional cooperation framework.";
    static final String OP_2 = "Endorse the **Operating Modalities** of the Almaty Process as a platform for dialogue "
            + "and cooperation on mixed migration and international protection.";

    static Plenary plenary;
    static Client secretariat, chair, auditor;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        auditor = new Client(plenary.queryPort(), "auditor");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void fromZeroDraftToTheFinalCommunique() throws Exception {
        String seed = Files.readString(NegotiationEndToEndTest.SEED);

        // 1. the zero draft: no brackets, every participant to be confirmed, (x) and OP 2 still to come
        String zero = seed.replace("Final\n", "Zero draft\n")
                .replace("[the Islamic Republic of Iran]", "the Islamic Republic of Iran")
                .replace("[the Islamic Republic of Pakistan]", "the Islamic Republic of Pakistan")
                .replace("(x) " + PP_X + "\n\n", "")
                .replace("\n2. " + OP_2, "");
        assertThat(zero).doesNotContain("Turkmenistan) at").doesNotContain("Operating Modalities");
        String draft = created(secretariat.post("/api/drafts/import", "text/markdown", zero));
        for (var d : DELEGATIONS.entrySet()) {
            ok(secretariat.postJson(path(draft, "/delegations"),
                    Map.of("code", d.getKey(), "name", d.getValue(), "participation", "CONFIRMED")));
        }
        JsonNode doc = awaitDocument(draft, 9);
        assertThat(doc.at("/paragraphs/0/text").asText()).doesNotContain("[");

        // 2. delegations propose PP (x) after (ix), and OP 2
        String ppIx = paragraph(doc, "PREAMBLE", "ix");
        JsonNode x = new Client(plenary.commandPort(), "kaz").postJson(path(draft, "/paragraphs"),
                Map.of("section", "PREAMBLE", "after", ppIx, "text", PP_X)).json();
        JsonNode op2 = new Client(plenary.commandPort(), "tur").postJson(path(draft, "/paragraphs"),
                Map.of("section", "OPERATIVE", "text", OP_2)).json();
        doc = awaitDocument(draft, op2.get("version").asLong());
        assertThat(numberOf(doc, x.get("paragraphId").asText())).isEqualTo("ix bis");
        assertThat(numberOf(doc, op2.get("paragraphId").asText())).isEqualTo("2");

        // 3. AFG brackets "Operating Modalities" with an alternative; the chair accepts the original words
        JsonNode bracket = new Client(plenary.commandPort(), "afg").postJson(
                path(draft, "/paragraphs/" + op2.get("paragraphId").asText() + "/brackets"),
                Map.of("quote", "Operating Modalities", "alternatives", List.of("**Working Arrangements**"))).json();
        doc = awaitDocument(draft, bracket.get("version").asLong());
        JsonNode open = auditor.get(path(draft, "/brackets?state=open")).json();
        assertThat(open).hasSize(1);
        assertThat(open.at("/0/bracket/raisedBy").asText()).isEqualTo("AFG");
        assertThat(open.at("/0/bracket/alternatives/1/attribution").asText()).isEqualTo("(AFG)");
        String original = open.at("/0/bracket/alternatives/0/alternativeId").asText();
        ok(chair.postJson(path(draft, "/brackets/" + bracket.get("bracketId").asText() + "/accept"),
                Map.of("alternativeId", original)));

        // 4. Iran and Pakistan mark their participation pending
        ok(new Client(plenary.commandPort(), "irn").postJson(path(draft, "/delegations/irn/participation"),
                Map.of("participation", "PENDING")));
        ok(new Client(plenary.commandPort(), "pak").postJson(path(draft, "/delegations/pak/participation"),
                Map.of("participation", "PENDING")));
        assertThat(new Client(plenary.commandPort(), "irn").postJson(path(draft, "/delegations/pak/participation"),
                Map.of("participation", "CONFIRMED")).status()).isEqualTo(403);

        // 5. final numbering, Rev.1, a silence procedure a few seconds long, and the final text
        ok(secretariat.post(path(draft, "/renumbering")));
        JsonNode rev = secretariat.postJson(path(draft, "/revisions"), Map.of()).json();
        assertThat(rev.get("label").asText()).isEqualTo("Rev.1");
        doc = awaitDocument(draft, rev.get("version").asLong());
        assertThat(doc.get("symbol").asText()).isEqualTo("Almaty Process/03/01/2013/Rev.1");
        assertThat(numberOf(doc, x.get("paragraphId").asText())).isEqualTo("x");

        Client.Response silence = secretariat.postJson(path(draft, "/silence-procedures"),
                Map.of("deadline", Instant.now().plusSeconds(3).toString(), "subject", "TEXT"));
        assertThat(silence.status()).isEqualTo(201);
        assertThat(secretariat.post(path(draft, "/finalise")).status()).as("frozen under silence").isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                "CONCLUDED".equals(auditor.get(path(draft, "")).json().at("/silenceProcedure/state").asText()));

        JsonNode finalised = secretariat.post(path(draft, "/finalise")).json();
        awaitDocument(draft, finalised.get("version").asLong());
        String text = auditor.get(path(draft, "/text?format=markdown")).body();
        assertThat(NegotiationEndToEndTest.normalise(text)).isEqualTo(NegotiationEndToEndTest.normalise(seed));
        assertThat(finalised.get("contentHash").asText()).isEqualTo(NegotiationEndToEndTest.sha256(text));
        assertThat(auditor.get(path(draft, "/text?format=markdown&revision=Rev.1")).body())
                .contains("Ref: Almaty Process/03/01/2013/Rev.1");

        // the auditor's timeline tells the negotiation in the room's words
        List<String> story = new java.util.ArrayList<>();
        auditor.get(path(draft, "/history")).json().forEach(e -> story.add(e.get("description").asText()));
        assertThat(story).contains(
                "IRN marked the participation of the Islamic Republic of Iran pending",
                "Secretariat issued Rev.1",
                "Silence was kept: the text is adopted");
    }

    @Test
    void aSilenceProcedureBrokenBeforeItsDeadlineAdoptsNothing() {
        String draft = created(secretariat.post("/api/drafts/import", "text/markdown",
                "(i) We, the representatives of [the Islamic Republic of Iran] and the Republic of Turkey,\n\n"
                        + "1. Decide to cooperate.\n"));
        ok(secretariat.postJson(path(draft, "/delegations"),
                Map.of("code", "irn", "name", "the Islamic Republic of Iran", "participation", "PENDING")));
        ok(secretariat.postJson(path(draft, "/delegations"),
                Map.of("code", "tur", "name", "the Republic of Turkey", "participation", "CONFIRMED")));
        Client.Response started = secretariat.postJson(path(draft, "/silence-procedures"),
                Map.of("deadline", Instant.now().plusSeconds(60).toString()));
        assertThat(started.status()).isEqualTo(201);
        Client tur = new Client(plenary.commandPort(), "tur");
        String op1 = paragraph(awaitDocument(draft, started.json().get("version").asLong()), "OPERATIVE", "1");
        assertThat(tur.postJson(path(draft, "/paragraphs/" + op1 + "/brackets"), Map.of("quote", "cooperate"))
                .status()).as("the text is frozen").isEqualTo(409);

        assertThat(tur.postJson(path(draft, "/silence-procedures/current/break"), Map.of()).status()).isEqualTo(400);
        JsonNode broken = tur.postJson(path(draft, "/silence-procedures/current/break"),
                Map.of("reason", "Paragraph 1 needs a timeline.")).json();
        JsonNode doc = awaitDocument(draft, broken.get("version").asLong());
        assertThat(doc.at("/silenceProcedure/state").asText()).isEqualTo("BROKEN");
        assertThat(doc.at("/silenceProcedure/brokenBy").asText()).isEqualTo("TUR");
        assertThat(doc.at("/participants/0/participation").asText()).as("nothing adopted").isEqualTo("PENDING");
        assertThat(doc.at("/paragraphs/0/text").asText()).contains("[the Islamic Republic of Iran]");
        assertThat(tur.postJson(path(draft, "/silence-procedures/current/break"), Map.of("reason", "again"))
                .status()).isEqualTo(409);
        assertThat(tur.postJson(path(draft, "/paragraphs/" + op1 + "/brackets"), Map.of("quote", "cooperate"))
                .status()).as("negotiation resumes").isEqualTo(201);
    }

    static String path(String draft, String rest) {
        return "/api/drafts/" + draft + rest;
    }

    static String created(Client.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("draftId").asText();
    }

    static void ok(Client.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
    }

    static JsonNode awaitDocument(String draft, long version) {
        return NegotiationEndToEndTest.awaitVersionWith(auditor, draft, version);
    }

    static String paragraph(JsonNode doc, String section, String number) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (section.equals(p.get("section").asText()) && number.equals(p.get("number").asText())) {
                return p.get("paragraphId").asText();
            }
        }
        throw new AssertionError("no " + section + " paragraph " + number);
    }

    static String numberOf(JsonNode doc, String paragraphId) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (paragraphId.equals(p.get("paragraphId").asText())) {
                return p.get("number").asText();
            }
        }
        throw new AssertionError("no paragraph " + paragraphId);
    }
}
