package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import plenary.devdb.DevDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts in Russian and Persian over HTTP, as a secretariat and a chair meet them: imported and exported as written,
 * their words bracketed by quoting (the second occurrence where words recur), and printed to PDF in glyphs the PDF
 * carries, read back with PDFBox. And the one rule of what characters a text may hold, for imports and commands.
 */
class OtherScriptsTest {

    static final Path CORPUS = Path.of("../text/src/test/resources/corpus");

    static Plenary plenary;
    static Client secretariat, chair, reader;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        reader = new Client(plenary.queryPort(), "auditor").timeout(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "almaty-process-communique-russian.md | беженцев | друг друга: защита [беженцев] требует | Кыргызской",
            "almaty-process-communique-persian.md | حمایت از پناهندگان | یکدیگرند: [حمایت از پناهندگان] توجه | پناهندگان"})
    void aTextInAnotherScriptRoundTripsIsBracketedByQuotingAndIsPrintedInItsGlyphs(String name, String quote,
                                                                                   String bracketed, String word)
            throws Exception {
        String text = Files.readString(CORPUS.resolve(name), StandardCharsets.UTF_8);
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("warnings")).isEmpty();
        String draft = imported.json().get("draftId").asText();
        Drafts drafts = new Drafts(plenary);
        JsonNode v1 = drafts.awaitVersion(draft, 1);
        String markdown = "/api/drafts/" + draft + "/text?format=markdown";
        assertThat(normalise(reader.get(markdown).body())).isEqualTo(normalise(text));

        String op3 = Drafts.paragraph(v1, "3").get("paragraphId").asText();
        Client.Response once = chair.postJson("/api/drafts/" + draft + "/paragraphs/" + op3 + "/brackets",
                Map.of("quote", quote, "occurrence", 2));
        assertThat(once.status()).as(once.body()).isEqualTo(201);
        drafts.awaitVersion(draft, once.json().get("version").asLong());
        String exported = reader.get(markdown).body();
        assertThat(exported).contains(bracketed);
        Client.Response third = chair.postJson("/api/drafts/" + draft + "/paragraphs/" + op3 + "/brackets",
                Map.of("quote", quote, "occurrence", 3));
        assertThat(third.status()).isEqualTo(409);

        PrintedPages pdf = PrintedPages.read(reader.getBytes("/api/drafts/" + draft + "/text?format=pdf"));
        assertThat(pdf.missingWords(PrintedPages.wordsOfMarkdown(exported))).isEmpty();
        assertThat(pdf.missingGlyphs()).isEmpty();
        assertThat(pdf.beyondMargins(PaperTest.MARGIN)).isEmpty();
        assertThat(PrintedPages.words(pdf.text())).containsKey(word);
        assertThat(pdf.glyphs()).anyMatch(g -> g.font().getName().contains("DejaVu"));
    }

    @Test
    void theCharactersATextMayHoldAreOneRuleForAnImportAndForACommandsFields() throws Exception {
        Client.Response bell = secretariat.post("/api/drafts/import", "text/markdown",
                "1. First paragraph.\n\n2. A bell\u0007 rings here.\n");
        assertThat(bell.status()).isEqualTo(400);
        assertThat(bell.contentType()).startsWith("application/problem+json");
        assertThat(bell.json().get("field").asText()).isEqualTo("body");
        assertThat(bell.json().get("detail").asText()).contains("U+0007", "line 3, column 10");

        Client.Response override = secretariat.post("/api/drafts/import", "text/markdown",
                "1. Words that \u202Eread backwards.\n");
        assertThat(override.status()).isEqualTo(400);
        assertThat(override.json().get("detail").asText()).contains("U+202E", "line 1, column 15");

        String text = Files.readString(CORPUS.resolve("almaty-process-communique-persian.md"), StandardCharsets.UTF_8);
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);
        assertThat(imported.status()).isEqualTo(201); // with its zero-width non-joiners
        String draft = imported.json().get("draftId").asText();
        String op1 = Drafts.paragraph(new Drafts(plenary).awaitVersion(draft, 1), "1").get("paragraphId").asText();
        String brackets = "/api/drafts/" + draft + "/paragraphs/" + op1 + "/brackets";
        Client.Response refused = chair.postJson(brackets, Map.of("quote", "همکاری", "reason", "بی\u202Eجا"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("reason");
        assertThat(refused.json().get("detail").asText()).contains("U+202E");
        Client.Response accepted = chair.postJson(brackets, Map.of("quote", "همکاری",
                "alternatives", java.util.List.of("هم\u200Cافزایی")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
