package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.LongText;
import plenary.local.Plenary;
import plenary.text.IdAllocator;
import plenary.text.markdown.MarkdownImporter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long text (about 200 pages: 4,000 paragraphs with brackets, sub-paragraphs and footnotes) through the public
 * API: import, the projection catching up, a chair's revision of it, and every export. Prints the figures;
 * asserts only that nothing was lost. The importer logs its progress every 1,000 blocks.
 */
@Tag("bench")
class LongTextImportBench {

    @Test
    void aTwoHundredPageText() throws Exception {
        String text = LongText.text();
        int pages = text.length() / 3000;

        long t0 = System.nanoTime();
        MarkdownImporter.Result parsed = MarkdownImporter.read(text, new IdAllocator(1), "Secretariat");
        long parseMs = ms(t0);
        assertThat(parsed.warnings()).isEmpty();
        int paragraphs = parsed.document().paragraphs().size();
        System.out.printf("BENCH long text: %d KB, ~%d pages of 3,000 characters, %d paragraphs, %d brackets%n",
                text.length() / 1024, pages, paragraphs, parsed.document().openBrackets().size());
        System.out.printf("BENCH parse in process (first, cold JVM): %d ms%n", parseMs);
        t0 = System.nanoTime();
        MarkdownImporter.read(text, new IdAllocator(1), "Secretariat");
        System.out.printf("BENCH parse in process (second): %d ms%n", ms(t0));

        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0)) {
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client chair = new Client(plenary.commandPort(), "chair");
            Client reader = new Client(plenary.queryPort(), "auditor");

            t0 = System.nanoTime();
            Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);
            long importMs = ms(t0);
            assertThat(imported.status()).isEqualTo(201);
            String draft = imported.json().get("draftId").asText();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> reader.get("/api/drafts/" + draft).status() == 200);
            long projectedMs = ms(t0);
            System.out.printf("BENCH HTTP import until 201: %d ms; until the query side serves it: %d ms%n",
                    importMs, projectedMs);

            String revised = text.replace("matter 100.3", "matter one hundred point three");
            t0 = System.nanoTime();
            Client.Response revision = chair.post("/api/drafts/" + draft + "/import", "text/markdown", revised);
            assertThat(revision.status()).isEqualTo(200);
            long reviseMs = ms(t0);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                    reader.get("/api/drafts/" + draft).json().get("version").asLong() == 2);
            System.out.printf("BENCH chair's revision (one paragraph edited) until 200: %d ms; projected: %d ms%n",
                    reviseMs, ms(t0));
            JsonNode events = reader.get("/api/drafts/" + draft + "/events?after=1").json();
            assertThat(events.get(0).get("payload").get("paragraphs")).hasSize(1);

            for (String format : new String[]{"markdown", "html", "docx", "akn", "pdf"}) {
                t0 = System.nanoTime();
                byte[] body = reader.getBytes("/api/drafts/" + draft + "/text?format=" + format);
                System.out.printf("BENCH export %-8s %6d ms, %7d KB%n", format, ms(t0), body.length / 1024);
                assertThat(body.length).isGreaterThan(text.length() / 4);
            }
            String markdown = new String(reader.getBytes("/api/drafts/" + draft + "/text?format=markdown"),
                    StandardCharsets.UTF_8);
            assertThat(markdown.replaceAll("\\s+", " ").strip()).isEqualTo(revised.replaceAll("\\s+", " ").strip());
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
