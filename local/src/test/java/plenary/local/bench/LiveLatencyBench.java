package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.LiveClient;
import plenary.local.Plenary;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command → STOMP latency on loopback, one command at a time: one delegation proposes paragraphs; an auditor
 * follows the draft live. Each sample is the time from sending the HTTP command to receiving its version on the
 * topic, after {@code bench.warmup} (50) commands that are not measured. {@code -Dbench.notify=false} turns the
 * commit notifications off, leaving the query side to poll every {@code bench.poll} (PT1S), for comparison.
 * Asserts only that nothing was lost or reordered. Run it with the command in the README.
 */
@Tag("bench")
class LiveLatencyBench {

    static final int COMMANDS = Integer.getInteger("bench.commands", 200);
    static final int WARMUP = Integer.getInteger("bench.warmup", 50);
    static final boolean NOTIFY = Boolean.parseBoolean(System.getProperty("bench.notify", "true"));
    static final String POLL = System.getProperty("bench.poll", "PT1S");

    @Test
    void commandToStompLatency() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), Figures.freePort(), Figures.freePort(),
                "plenary.events.notify=" + NOTIFY, "plenary.events.fallback-poll=" + POLL);
             LiveClient live = new LiveClient(plenary.queryPort(), "auditor")) {
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            String draft = secretariat.postJson("/api/drafts",
                    Map.of("reference", "BENCH/1", "title", "Latency", "kind", "declaration")).json()
                    .get("draftId").asText();
            long admitted = secretariat.postJson("/api/drafts/" + draft + "/delegations",
                    Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED"))
                    .json().get("version").asLong();
            live.subscribe("/topic/drafts." + draft);

            long[] acked = new long[COMMANDS];
            long[] received = new long[COMMANDS];
            Figures.Machine machine = null;
            for (int i = 0; i < WARMUP + COMMANDS; i++) {
                if (i == WARMUP) {
                    machine = new Figures.Machine();
                }
                long sent = System.nanoTime();
                long version = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                        Map.of("section", "OPERATIVE", "text", "Paragraph " + i + " [shall][should] apply.")).json()
                        .get("version").asLong();
                long ack = System.nanoTime() - sent;
                JsonNode change = live.next();
                while (change.get("version").asLong() <= admitted) {
                    change = live.next(); // the creation or the admission, published after we subscribed
                }
                assertThat(change.get("version").asLong()).as("in order, none lost").isEqualTo(version);
                if (i >= WARMUP) {
                    acked[i - WARMUP] = ack;
                    received[i - WARMUP] = System.nanoTime() - sent;
                }
            }
            System.out.printf("%nBENCH one subscriber, %d commands one at a time, commit notifications %s, "
                            + "fallback poll %s%nBENCH command side :%d, query side :%d; %s%n", COMMANDS,
                    NOTIFY ? "on" : "OFF", POLL, plenary.commandPort(), plenary.queryPort(), machine.report());
            Figures.print("command acknowledged", acked);
            Figures.print("command -> STOMP receipt", received);
        }
    }
}
