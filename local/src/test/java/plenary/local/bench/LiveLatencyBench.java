package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Plenary;
import plenary.local.Client;
import plenary.local.LiveClient;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command → STOMP latency on loopback: one delegation proposes paragraphs one after another; another follows
 * the draft live. Each sample is the time from sending the HTTP command to receiving its version on the topic.
 * Prints the figures; asserts only that nothing was lost or reordered. Run it with the command in the README.
 */
@Tag("bench")
class LiveLatencyBench {

    static final int COMMANDS = Integer.getInteger("bench.commands", 100);

    @Test
    void commandToStompLatency() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
             LiveClient live = new LiveClient(plenary.queryPort(), "auditor")) {
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            String draft = secretariat.postJson("/api/drafts",
                    Map.of("reference", "BENCH/1", "title", "Latency", "kind", "declaration")).json()
                    .get("draftId").asText();
            secretariat.postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED"));
            live.subscribe("/topic/drafts." + draft);

            long[] micros = new long[COMMANDS];
            long[] acked = new long[COMMANDS];
            for (int i = 0; i < COMMANDS; i++) {
                long sent = System.nanoTime();
                long version = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                        Map.of("section", "OPERATIVE", "text", "Paragraph " + i + " [shall][should] apply.")).json()
                        .get("version").asLong();
                acked[i] = (System.nanoTime() - sent) / 1_000;
                JsonNode change = live.next();
                while (i == 0 && change.get("version").asLong() < version) {
                    change = live.next(); // the admission, when the projection published it after we subscribed
                }
                micros[i] = (System.nanoTime() - sent) / 1_000;
                assertThat(change.get("version").asLong()).as("in order, none lost").isEqualTo(version);
            }
            System.out.printf("%nBENCH %d commands, %d cores%n", COMMANDS, Runtime.getRuntime().availableProcessors());
            print("command acknowledged", acked);
            print("command -> STOMP receipt", micros);
        }
    }

    static void print(String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %-26s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what, sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }
}
