package plenary.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PDF export on paper: every word of the text is printed, in fonts the PDF carries, and nothing stands beyond
 * the page's margins. Read back with PDFBox, for the seed and for a text of some 200 pages.
 */
class PaperTest {

    /** The page's side margins: 2.2 cm, in points. */
    static final float MARGIN = 2.2f / 2.54f * 72;

    static Plenary plenary;
    static Client secretariat, reader;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        secretariat = new Client(plenary.commandPort(), "secretariat");
        // laying out 200 pages takes seconds, more on a busy machine
        reader = new Client(plenary.queryPort(), "auditor").timeout(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    /** Imports a text and reads its PDF and Markdown exports once the query side has it. */
    static PrintedPages printed(String text, StringBuilder markdown) {
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);
        assertThat(imported.status()).isEqualTo(201);
        String draft = imported.json().get("draftId").asText();
        // a long text takes the query side a few seconds to project, more on a busy machine
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> reader.get("/api/drafts/" + draft).status() == 200);
        markdown.append(new String(reader.getBytes("/api/drafts/" + draft + "/text?format=markdown"),
                StandardCharsets.UTF_8));
        return PrintedPages.read(reader.getBytes("/api/drafts/" + draft + "/text?format=pdf"));
    }

    @Test
    void theSeedIsPrintedWordForWordWithinItsMargins() throws Exception {
        StringBuilder markdown = new StringBuilder();
        PrintedPages pdf = printed(Files.readString(Drafts.SEED), markdown);

        assertThat(pdf.missingWords(PrintedPages.wordsOfMarkdown(markdown.toString()))).isEmpty();
        assertThat(pdf.beyondMargins(MARGIN)).isEmpty();
        assertThat(pdf.missingGlyphs()).isEmpty();
        assertThat(pdf.text().replaceAll("\\s+", " ")).contains(
                "(i) We, the High Representatives of the Central Asian States, the Republic of Kazakhstan,");
    }

    @Test
    void aTwoHundredPageTextIsPrintedWordForWordWithinItsMargins() {
        StringBuilder markdown = new StringBuilder();
        PrintedPages pdf = printed(LongText.text(), markdown);

        assertThat(pdf.pages()).isGreaterThan(150);
        assertThat(pdf.missingWords(PrintedPages.wordsOfMarkdown(markdown.toString()))).isEmpty();
        assertThat(pdf.beyondMargins(MARGIN)).isEmpty();
        assertThat(pdf.missingGlyphs()).isEmpty();
    }
}
