package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Presence as an amplifier (issue 10, item 12): a delegate's client that SUBSCRIBEs and UNSUBSCRIBEs to a room's
 * presence in a loop used to make every other client receive the whole room on every frame. Broadcasts are now
 * coalesced, at most one per room every 250 ms, each with the latest room; and a connection holds at most 16
 * subscriptions.
 */
class PresenceAmplificationTest {

    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = new Drafts(plenary).seed("kaz", "kgz");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void aSubscribeLoopDoesNotFloodTheRoom() throws Exception {
        BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
        try (LiveClient listener = new LiveClient(plenary.queryPort(), "kaz");
             LiveClient looping = new LiveClient(plenary.queryPort(), "kgz")) {
            listener.subscribe("/topic/drafts." + draft + ".presence", seen);
            Thread.sleep(500);
            seen.clear();

            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                looping.subscribe("/topic/drafts." + draft + ".presence", new LinkedBlockingQueue<>());
                looping.unsubscribe("/topic/drafts." + draft + ".presence");
            }
            looping.subscribe("/topic/drafts." + draft + ".presence", new LinkedBlockingQueue<>());
            double seconds = (System.nanoTime() - started) / 1e9;
            Thread.sleep(600);

            int broadcasts = seen.size();
            assertThat(broadcasts).as("201 frames in %.1f s", seconds)
                    .isLessThanOrEqualTo((int) Math.ceil(seconds / 0.25) + 3);
            JsonNode last = null;
            for (JsonNode message : seen) {
                last = message;
            }
            assertThat(last.get("present")).as("the latest room, with both").hasSize(2);
            assertThat(looping.errors).isEmpty();
        }
    }

    @Test
    void aConnectionHoldsAtMost16Subscriptions() throws Exception {
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            for (int i = 0; i < 16; i++) {
                kaz.subscribe("/topic/drafts." + draft, new LinkedBlockingQueue<>());
            }
            assertThatThrownBy(() -> kaz.subscribe("/topic/drafts." + draft + ".presence", new LinkedBlockingQueue<>()))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("at most 16 subscriptions");
        }
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            kaz.subscribe("/topic/drafts." + draft);
            assertThat(kaz.errors.poll(200, TimeUnit.MILLISECONDS)).as("a new connection starts afresh").isNull();
        }
    }
}
