package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and dead clients, with clients that misbehave on the wire. A client that stops reading is disconnected
 * once more than the send buffer limit waits for it, without holding up anyone else, and catches up with
 * /events; a connection that promises heartbeats and falls silent is closed.
 */
class SlowClientTest {

    static final String[] SLOW = {"tjk", "tkm", "kgz", "afg", "aze", "pak"};

    static Plenary plenary;
    static Drafts drafts;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0,
                "plenary.live.send-buffer-limit=64KB", "plenary.live.socket-send-buffer=64KB",
                "plenary.live.heartbeat=300ms");
        drafts = new Drafts(plenary);
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void clientsThatStopReadingAreDroppedWithoutSlowingTheOthersAndCatchUp() throws Exception {
        String draft = drafts.seed(concat("kaz", SLOW));
        long start = drafts.awaitVersion(draft, 1 + SLOW.length + 1).get("version").asLong();
        BlockingQueue<JsonNode> presence = new LinkedBlockingQueue<>();
        List<WireClient> slow = new ArrayList<>();
        try (LiveClient fast = new LiveClient(plenary.queryPort(), "auditor")) {
            fast.subscribe("/topic/drafts." + draft);
            fast.subscribe("/topic/drafts." + draft + ".presence", presence);
            for (String user : SLOW) {
                WireClient client = new WireClient(plenary.queryPort(), user, "0,0");
                client.subscribe("/topic/drafts." + draft);
                client.stall();
                slow.add(client);
            }

            // KAZ writes long paragraphs until the stalled clients have been dropped from the room; the client that
            // reads gets each version, in order, while the others are still stalled
            Client kaz = new Client(plenary.commandPort(), "kaz");
            String text = "Parties shall cooperate. ".repeat(160);
            long version = start;
            int roomSize = 1 + SLOW.length;
            for (int i = 0; i < 200 && roomSize > 1; i++) {
                version = kaz.postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE",
                        "text", i + ". " + text)).json().get("version").asLong();
                assertThat(fast.next().get("version").asLong()).isEqualTo(version);
                for (JsonNode update = presence.poll(); update != null; update = presence.poll()) {
                    roomSize = update.get("present").size();
                }
            }
            assertThat(roomSize).as("only the client that reads is left in the room").isEqualTo(1);

            // a dropped client reads what reached it, in order and without a gap, learns why it was dropped, and
            // catches up from the last version it had
            for (int c = 0; c < slow.size(); c++) {
                WireClient client = slow.get(c);
                client.resume();
                List<Long> got = new ArrayList<>();
                while (!client.closed.isDone() || !client.frames.isEmpty()) {
                    WireClient.Frame frame = client.frames.poll(100, TimeUnit.MILLISECONDS);
                    if (frame != null && frame.command().equals("MESSAGE")) {
                        got.add(frame.json().get("version").asLong());
                    }
                }
                assertThat(got).as(SLOW[c] + " received").isNotEmpty()
                        .containsExactlyElementsOf(range(start + 1, start + got.size()));
                assertThat(client.closed.get()).as("why " + SLOW[c] + " was dropped")
                        .startsWith("1013 ").contains("catch up with /events?after=");

                long last = got.get(got.size() - 1);
                JsonNode rest = new Client(plenary.queryPort(), SLOW[c])
                        .get("/api/drafts/" + draft + "/events?after=" + last).json();
                List<Long> caughtUp = new ArrayList<>();
                rest.forEach(e -> caughtUp.add(e.get("version").asLong()));
                assertThat(caughtUp).containsExactlyElementsOf(range(last + 1, version));
                assertThat(rest.get(0).get("paragraphs")).as("as it would have come live").hasSize(1);
            }
        } finally {
            slow.forEach(WireClient::close);
        }
    }

    @Test
    void aConnectionThatPromisesHeartbeatsAndFallsSilentIsClosed() throws Exception {
        String draft = drafts.seed("kaz");
        try (WireClient silent = new WireClient(plenary.queryPort(), "kaz", "300,300");
             LiveClient chair = new LiveClient(plenary.queryPort(), "chair")) {
            BlockingQueue<JsonNode> presence = new LinkedBlockingQueue<>();
            chair.subscribe("/topic/drafts." + draft + ".presence", presence);
            assertThat(LiveClient.next(presence).at("/present").size()).isEqualTo(1);
            silent.subscribe("/topic/drafts." + draft);
            assertThat(LiveClient.next(presence).at("/present").size()).isEqualTo(2);

            // it sends nothing more: after three heartbeat periods the server gives up on it
            assertThat(silent.closed.get(10, TimeUnit.SECONDS)).isNotEmpty();
            JsonNode left = LiveClient.next(presence);
            assertThat(left.get("change").asText()).isEqualTo("LEFT");
            assertThat(left.at("/member/user").asText()).isEqualTo("kaz");
            assertThat(chair.connected()).as("a client that sends its heartbeats stays").isTrue();
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
