package plenary.local.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.Drafts;
import plenary.local.LiveClient;
import plenary.local.Plenary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench.writers} delegations (32) write to one draft as fast as each gets its answers, {@code
 * bench.commandsPerWriter} (50) commands each: a paragraph of its own, then brackets on its words and alternatives
 * to them, as a negotiation goes. Prints commands per second and the latency of a command until acknowledged, and
 * until a live subscriber has it. Asserts only that every acknowledged command is recorded once, with versions
 * that leave no gap, and reaches the subscriber in order.
 */
@Tag("bench")
class ConcurrentWritersBench {

    static final int WRITERS = Integer.getInteger("bench.writers", 32);
    static final int EACH = Integer.getInteger("bench.commandsPerWriter", 50);
    static final String[] DELEGATIONS = {"kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur"};

    @Test
    void writersOnOneDraft() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), Figures.freePort(), Figures.freePort());
             LiveClient live = new LiveClient(plenary.queryPort(), "auditor")) {
            Drafts drafts = new Drafts(plenary);
            String draft = drafts.seed(DELEGATIONS);
            long base = drafts.awaitVersion(draft, 10).get("version").asLong();
            int total = WRITERS * EACH;
            long[] arrived = new long[total];
            ConcurrentLinkedQueue<Long> order = new ConcurrentLinkedQueue<>();
            live.subscribe("/topic/drafts." + draft, change -> {
                long version = change.get("version").asLong();
                if (version > base) {
                    arrived[(int) (version - base - 1)] = System.nanoTime();
                    order.add(version);
                }
            });

            long[] sent = new long[total];
            long[] acked = new long[total];
            long[] versionOf = new long[total];
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            Figures.Machine machine = new Figures.Machine();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Client client = new Client(plenary.commandPort(), DELEGATIONS[w % DELEGATIONS.length]);
                done.add(writers.submit(() -> {
                    String paragraph = null;
                    String bracket = null;
                    for (int i = 0; i < EACH; i++) {
                        int n = writer * EACH + i;
                        sent[n] = System.nanoTime();
                        Client.Response answer;
                        if (i == 0) {
                            String words = String.join(" ", IntStream.range(0, EACH)
                                    .mapToObj(k -> "w" + writer + "x" + k).toList());
                            answer = client.postJson("/api/drafts/" + draft + "/paragraphs",
                                    Map.of("section", "OPERATIVE", "text", "Parties note " + words + "."));
                            paragraph = answer.json().get("paragraphId").asText();
                        } else if (i % 2 == 1) {
                            answer = client.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                                    Map.of("quote", "w" + writer + "x" + i));
                            bracket = answer.json().get("bracketId").asText();
                        } else {
                            answer = client.postJson("/api/drafts/" + draft + "/brackets/" + bracket + "/alternatives",
                                    Map.of("text", "alternative " + i));
                        }
                        acked[n] = System.nanoTime() - sent[n];
                        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                        versionOf[n] = answer.json().get("version").asLong();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(10, TimeUnit.MINUTES);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writers.shutdown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (order.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            long[] delivered = new long[total];
            for (int n = 0; n < total; n++) {
                delivered[n] = arrived[(int) (versionOf[n] - base - 1)] - sent[n];
            }
            System.out.printf("%nBENCH writers: %d writers x %d commands on one draft in %.1f s = %.0f commands/s%n"
                    + "BENCH command side :%d, query side :%d; %s%n", WRITERS, EACH, seconds, total / seconds,
                    plenary.commandPort(), plenary.queryPort(), machine.report());
            Figures.print("command acknowledged", acked);
            Figures.print("command -> subscriber", delivered);

            assertThat(LongStream.of(versionOf).sorted().toArray()).as("one version per acknowledged command, no gap")
                    .containsExactly(LongStream.rangeClosed(base + 1, base + total).toArray());
            assertThat(order).as("the subscriber got every version, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(base + 1, base + total).boxed().toList());
        }
    }
}
