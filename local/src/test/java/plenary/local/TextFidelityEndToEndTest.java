package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Texts in and out over the public API: a real text imported with its warnings, non-texts refused, a chair's
 * new text recorded as a revision, and every export format served at the current and at a historic version.
 */
class TextFidelityEndToEndTest {

    static final Path CORPUS = Path.of("../text/src/test/resources/corpus");

    static Plenary plenary;
    static Client secretariat, chair, kaz, reader;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        kaz = new Client(plenary.commandPort(), "kaz");
        reader = new Client(plenary.queryPort(), "auditor");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    static String corpus(String name) throws Exception {
        return Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8);
    }

    static JsonNode awaitVersion(String draft, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> reader.get("/api/drafts/" + draft).json(),
                doc -> doc.has("version") && doc.get("version").asLong() >= version);
    }

    @Test
    void anImperfectTextIsImportedAsWrittenWithItsWarnings() throws Exception {
        String text = corpus("dushanbe-compilation-imperfect.md");
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);

        assertThat(imported.status()).isEqualTo(201);
        JsonNode warnings = imported.json().get("warnings");
        assertThat(warnings).hasSize(7);
        assertThat(warnings.get(0).get("line").asInt()).isEqualTo(11);
        assertThat(warnings.get(0).get("column").asInt()).isEqualTo(16);
        assertThat(warnings.get(0).get("message").asText()).contains("emphasis");
        String draft = imported.json().get("draftId").asText();
        awaitVersion(draft, 1);
        String exported = reader.get("/api/drafts/" + draft + "/text?format=markdown").body();
        assertThat(exported.replaceAll("\\s+", " ").strip()).isEqualTo(text.replaceAll("\\s+", " ").strip());
    }

    @Test
    void whatIsNotATextIsRefusedWithTheReason() {
        Client.Response empty = secretariat.post("/api/drafts/import", "text/markdown", new byte[0]);
        Client.Response binary = secretariat.post("/api/drafts/import", "text/markdown", new byte[]{'P', 'K', 3, 4, 0, 0});
        Client.Response latin1 = secretariat.post("/api/drafts/import", "text/markdown",
                "1. Communiqu\u00e9 de Gen\u00e8ve".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("empty");
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.json().get("detail").asText()).contains("binary");
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().get("detail").asText()).contains("not UTF-8");
        assertThat(latin1.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aChairsNewTextBecomesARevisionWithHistoryAndEveryFormat() throws Exception {
        String zero = corpus("ashgabat-water-cooperation-decision-zero-draft.md");
        String draft = secretariat.post("/api/drafts/import", "text/markdown", zero).json().get("draftId").asText();
        JsonNode v1 = awaitVersion(draft, 1);
        String op1 = v1.get("paragraphs").findValues("paragraphId").stream().map(JsonNode::asText)
                .filter(id -> paragraphNumber(v1, id).equals("1")).findFirst().orElseThrow();

        String rev1 = zero.replace("Zero draft", "Draft Rev.1")
                .replace("1. [Adopt][Take note of] the Regional Framework", "1. Adopt the Regional Framework");
        assertThat(kaz.post("/api/drafts/" + draft + "/import", "text/markdown", rev1).status()).isEqualTo(403);
        Client.Response revised = chair.post("/api/drafts/" + draft + "/import", "text/markdown", rev1);
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().get("version").asLong()).isEqualTo(2);
        assertThat(revised.json().get("warnings")).isEmpty();

        JsonNode v2 = awaitVersion(draft, 2);
        assertThat(paragraphNumber(v2, op1)).isEqualTo("1");
        JsonNode events = reader.get("/api/drafts/" + draft + "/events?after=1").json();
        assertThat(events.get(0).get("type").asText()).isEqualTo("DraftRevisedFromText");
        assertThat(events.get(0).get("actor").get("user").asText()).isEqualTo("chair");

        String text = "/api/drafts/" + draft + "/text";
        assertThat(reader.get(text + "?format=markdown").body()).contains("1. Adopt the Regional Framework");
        assertThat(reader.get(text + "?format=markdown&version=1").body()).contains("1. [Adopt][Take note of]");
        Client.Response html = reader.get(text + "?format=html&highlight=brackets&holders=true");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<body class=\"highlight\">", "class=\"holders\"");
        assertThat(reader.get(text + "?format=html&view=clean").body()).doesNotContain("class=\"bracket\"");
        assertThat(reader.get(text + "?format=akn").body()).contains("<akomaNtoso", "<authorialNote");
        assertThat(new String(reader.getBytes(text + "?format=pdf"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(
                reader.getBytes(text + "?format=docx&version=1")))) {
            assertThat(word.getFootnotes()).hasSize(2);
        }
        assertThat(reader.get(text + "?format=rtf").status()).isEqualTo(400);
        assertThat(reader.get(text + "?view=tidy").status()).isEqualTo(400);
    }

    private static String paragraphNumber(JsonNode doc, String paragraphId) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (p.get("paragraphId").asText().equals(paragraphId)) {
                return p.get("number").asText();
            }
        }
        return "";
    }
}
