package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.DemoRoom;
import plenary.local.LongText;
import plenary.local.Plenary;
import plenary.local.browser.Page;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web client in a real browser (Debian's Chromium, headless, its own processes): how long the ~200-page draft of
 * {@link LongTextImportBench} takes to open, and how long a live change takes to show on screen, from the command
 * sent until the browser has painted the frame that shows it. Asserts only correctness: every change shown, in
 * order, each re-rendering only the paragraph it names.
 */
@Tag("bench")
class WebClientBench {

    static final int OPENINGS = Integer.getInteger("bench.openings", 5);
    static final int CHANGES = Integer.getInteger("bench.changes", 300);
    static final int WARMUP = Integer.getInteger("bench.warmup", 30);

    @Test
    void openingTheLongDraftAndLiveChangesOnScreen() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), Figures.freePort(), Figures.freePort())) {
            String seed = DemoRoom.open(plenary.commandPort());
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client reader = new Client(plenary.queryPort(), "chair");
            String text = LongText.text();
            Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", text);
            assertThat(imported.status()).isEqualTo(201);
            String longDraft = imported.json().get("draftId").asText();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> reader.get("/api/drafts/" + longDraft).status() == 200);
            int paragraphs = reader.get("/api/drafts/" + longDraft).json().get("paragraphs").size();

            try (Page chair = Page.signIn(plenary.queryPort(), "chair", "/")) {
                opening(chair, longDraft, paragraphs, text.length());
                liveChanges(plenary, chair, seed, "the seed (13 paragraphs)", CHANGES);
                liveChanges(plenary, chair, longDraft, "the long draft (" + paragraphs + " paragraphs)", CHANGES / 3);
            }
        }
    }

    /**
     * From navigation until the browser has painted the draft's first screen (the page shows the text and answers),
     * and until every paragraph is in the page (the rest is added between frames).
     */
    private static void opening(Page page, String draft, int paragraphs, int characters) {
        long[] opened = new long[OPENINGS];
        long[] complete = new long[OPENINGS];
        long[] fetched = new long[OPENINGS];
        long transfer = 0;
        long decoded = 0;
        for (int i = 0; i < OPENINGS; i++) {
            Browser before = Browser.now();
            page.open("/drafts/" + draft);
            page.until(d -> page.js("return window.plenaryTimings && window.plenaryTimings.complete") != null);
            @SuppressWarnings("unchecked")
            Map<String, Number> t = (Map<String, Number>) page.js("""
                    const doc = performance.getEntriesByType('resource').find(e => /\\/api\\/drafts\\/[^/?]+(\\?form=lean)?$/.test(e.name));
                    return {opened: window.plenaryTimings.opened, complete: window.plenaryTimings.complete,
                            fetch: doc.responseEnd - doc.startTime, bytes: doc.transferSize, decoded: doc.decodedBodySize,
                            shown: document.querySelectorAll('.document .para').length};""");
            assertThat(t.get("shown").intValue()).isEqualTo(paragraphs);
            opened[i] = (long) (t.get("opened").doubleValue() * 1e6);
            complete[i] = (long) (t.get("complete").doubleValue() * 1e6);
            fetched[i] = (long) (t.get("fetch").doubleValue() * 1e6);
            transfer = t.get("bytes").longValue();
            decoded = t.get("decoded").longValue();
            System.out.printf("BENCH open #%d: first screen %.0f ms, all of it %.0f ms (the document's fetch %.0f ms); %s%n",
                    i + 1, opened[i] / 1e6, complete[i] / 1e6, fetched[i] / 1e6, before.report());
        }
        System.out.printf("BENCH long draft: %d paragraphs, %d KB of Markdown, %d KB of JSON (%d KB on the wire)%n",
                paragraphs, characters / 1024, decoded / 1024, transfer / 1024);
        Figures.print("open the long draft: first screen painted", opened);
        Figures.print("open the long draft: every paragraph in the page", complete);
        Figures.print("  of which fetching it", fetched);
    }

    /**
     * kaz agrees a paragraph and withdraws the agreement, one command at a time; each change's latency runs from just
     * before the command is sent until the chair's browser has painted the frame showing it.
     */
    private static void liveChanges(Plenary plenary, Page page, String draft, String what, int count) {
        page.open("/drafts/" + draft);
        page.live();
        page.until(d -> page.js("return window.plenaryTimings.complete") != null);
        JsonNode doc = new Client(plenary.queryPort(), "kaz").get("/api/drafts/" + draft).json();
        if (!doc.get("participants").toString().contains("\"kaz\"")) {
            assertThat(new Client(plenary.commandPort(), "secretariat").postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")).status())
                    .isEqualTo(200);
        }
        JsonNode target = doc.get("paragraphs").get(doc.get("paragraphs").size() / 2);
        String paragraph = target.get("paragraphId").asText();
        String path = "/api/drafts/" + draft + "/paragraphs/" + paragraph + "/agreement";
        Client kaz = new Client(plenary.commandPort(), "kaz");
        page.js("window.plenaryTimings.shown.length = 0");

        List<Long> latencies = new ArrayList<>();
        List<Long> acknowledged = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        Browser before = Browser.now();
        for (int i = 0; i < WARMUP + count; i++) {
            // every paragraph element carries a mark; one that is rendered again has lost it
            page.js("document.querySelectorAll('.document .para').forEach(p => { p.plenaryMark = true; })");
            long sentNanos = System.nanoTime();
            Instant sent = Instant.now();
            Client.Response answer = i % 2 == 0 ? kaz.postJson(path, Map.of("adReferendum", false))
                    : kaz.send("DELETE", path, null, null);
            long ackNanos = System.nanoTime() - sentNanos;
            assertThat(answer.status()).isEqualTo(200);
            long version = answer.json().get("version").asLong();
            versions.add(version);
            Number shownAt = page.until(d -> (Number) page.js(
                    "const s = window.plenaryTimings.shown.find(s => s.version === arguments[0]); return s ? s.at : null",
                    version));
            Number rendered = (Number) page.js(
                    "return [...document.querySelectorAll('.document .para')].filter(p => !p.plenaryMark).length");
            assertThat(rendered.intValue()).as("paragraphs rendered again by one change").isEqualTo(1);
            long latency = (long) ((shownAt.doubleValue() - (sent.toEpochMilli() + sent.getNano() % 1_000_000 / 1e6)) * 1e6);
            if (i >= WARMUP) {
                latencies.add(latency);
                acknowledged.add(ackNanos);
            }
        }
        @SuppressWarnings("unchecked")
        List<Number> shown = (List<Number>) page.js("return window.plenaryTimings.shown.map(s => s.version)");
        assertThat(shown.stream().map(Number::longValue).filter(versions::contains).toList())
                .as("every change shown once, in order").isEqualTo(versions);
        System.out.printf("BENCH live changes on %s: %s%n", what, before.report());
        Figures.print("command until acknowledged", acknowledged.stream().mapToLong(Long::longValue).toArray());
        Figures.print("command until on screen", latencies.stream().mapToLong(Long::longValue).toArray());
    }

    /** The machine's load and the CPU that the browser's processes and this JVM used, since a starting point. */
    record Browser(long wall, long browserCpu, long jvmCpu) {
        static Browser now() {
            return new Browser(System.nanoTime(), chromiumCpuNow(), jvmCpuNow());
        }

        String report() {
            double wallNanos = System.nanoTime() - wall;
            return String.format("load average %.1f; Chromium used %.2f cores, this JVM (Plenary, the driver, the "
                            + "command sender) %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    (chromiumCpuNow() - browserCpu) / wallNanos, (jvmCpuNow() - jvmCpu) / wallNanos);
        }

        private static long chromiumCpuNow() {
            return ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().map(c -> c.contains("chromium")).orElse(false))
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
        }

        private static long jvmCpuNow() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
