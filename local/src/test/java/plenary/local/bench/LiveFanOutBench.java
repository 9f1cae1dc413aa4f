package plenary.local.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.Drafts;
import plenary.local.LiveClient;
import plenary.local.Plenary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A negotiating room on loopback: {@code bench.subscribers} STOMP clients (193) follow one draft while one
 * delegation issues {@code bench.commands} commands (500) at {@code bench.rate} per second (50), alternately
 * proposing a paragraph and bracketing words in it, after {@code bench.warmup} (100) such commands that are not
 * measured. Each sample is the time from sending the HTTP command to a subscriber receiving that version; "last
 * subscriber" takes, per command, the slowest of all. Asserts only that nothing was lost, reordered or duplicated.
 * Run it with the command in the README.
 */
@Tag("bench")
class LiveFanOutBench {

    static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 193);
    static final int COMMANDS = Integer.getInteger("bench.commands", 500);
    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final String[] ACCOUNTS = {"kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur", "chair",
            "secretariat", "auditor"};

    /** What one subscriber saw: when each version arrived, and anything out of order. */
    static final class Subscriber {
        final long[] arrived = new long[WARMUP + COMMANDS];
        long last;
        int received;
        int reordered;
        int duplicated;

        synchronized void receive(long version, long base, long now) {
            int i = (int) (version - base - 1);
            if (i < 0) {
                return; // an admission published after we subscribed
            }
            if (arrived[i] != 0) {
                duplicated++;
                return;
            }
            if (version < last) {
                reordered++;
            }
            last = Math.max(last, version);
            arrived[i] = now;
            received++;
        }
    }

    @Test
    void roomOfSubscribersFollowingOneWriter() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), Figures.freePort(), Figures.freePort())) {
            Drafts drafts = new Drafts(plenary);
            String draft = drafts.seed("kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            long base = drafts.awaitVersion(draft, 10).get("version").asLong();

            List<LiveClient> clients = new ArrayList<>();
            List<Subscriber> subscribers = new ArrayList<>();
            for (int s = 0; s < SUBSCRIBERS; s++) {
                LiveClient client = new LiveClient(plenary.queryPort(), ACCOUNTS[s % ACCOUNTS.length]);
                Subscriber subscriber = new Subscriber();
                client.subscribeToVersions("/topic/drafts." + draft,
                        version -> subscriber.receive(version, base, System.nanoTime()));
                clients.add(client);
                subscribers.add(subscriber);
            }

            long[] sent = new long[WARMUP + COMMANDS];
            long[] acked = new long[COMMANDS];
            long period = TimeUnit.SECONDS.toNanos(1) / RATE;
            Figures.Machine machine = null;
            long start = System.nanoTime();
            String paragraph = null;
            for (int i = 0; i < WARMUP + COMMANDS; i++) {
                if (i == WARMUP) {
                    machine = new Figures.Machine();
                    start = System.nanoTime();
                }
                long due = start + (i - (i < WARMUP ? 0 : WARMUP)) * period;
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 200_000);
                }
                sent[i] = System.nanoTime();
                Client.Response answer = i % 2 == 0
                        ? kaz.postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE",
                                "text", "Parties shall cooperate on matter " + i + " in good faith."))
                        : kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                                Map.of("quote", "in good faith", "alternatives", List.of("as appropriate")));
                if (i >= WARMUP) {
                    acked[i - WARMUP] = System.nanoTime() - sent[i];
                }
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                assertThat(answer.json().get("version").asLong()).isEqualTo(base + i + 1);
                if (i % 2 == 0) {
                    paragraph = answer.json().get("paragraphId").asText();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (subscribers.stream().anyMatch(s -> s.received < WARMUP + COMMANDS) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            clients.forEach(LiveClient::close);

            long[] each = new long[SUBSCRIBERS * COMMANDS];
            long[] lastOfAll = new long[COMMANDS];
            long[] firstOfAll = new long[COMMANDS];
            Arrays.fill(firstOfAll, Long.MAX_VALUE);
            int samples = 0;
            int lost = 0;
            int reordered = 0;
            int duplicated = 0;
            for (Subscriber s : subscribers) {
                lost += WARMUP + COMMANDS - s.received;
                reordered += s.reordered;
                duplicated += s.duplicated;
                for (int i = 0; i < COMMANDS; i++) {
                    if (s.arrived[WARMUP + i] != 0) {
                        long latency = s.arrived[WARMUP + i] - sent[WARMUP + i];
                        each[samples++] = latency;
                        lastOfAll[i] = Math.max(lastOfAll[i], latency);
                        firstOfAll[i] = Math.min(firstOfAll[i], latency);
                    }
                }
            }
            System.out.printf("%nBENCH fan-out: %d subscribers, %d commands at %d/s (sent in %.1f s)%n"
                            + "BENCH command side :%d, query side :%d; %s%n", SUBSCRIBERS, COMMANDS, RATE, seconds,
                    plenary.commandPort(), plenary.queryPort(), machine.report());
            Figures.print("command acknowledged", acked);
            Figures.print("first subscriber", firstOfAll);
            Figures.print("each subscriber", Arrays.copyOf(each, samples));
            Figures.print("last subscriber", lastOfAll);
            System.out.printf("BENCH lost %d  reordered %d  duplicated %d%n", lost, reordered, duplicated);

            assertThat(lost).as("lost").isZero();
            assertThat(reordered).as("reordered").isZero();
            assertThat(duplicated).as("duplicated").isZero();
        }
    }
}
