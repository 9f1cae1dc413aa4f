package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence with real STOMP clients: who is in a draft's room and on which paragraph, sent to
 * {@code /topic/drafts.{d}.presence} on every arrival, departure and change of focus, and never recorded.
 */
class PresenceTest {

    static Plenary plenary;
    static Drafts drafts;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        drafts = new Drafts(plenary);
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void everyoneInTheRoomSeesWhoArrivesFocusesAndLeaves() throws Exception {
        String draft = drafts.seed("kaz", "tur");
        String presence = "/topic/drafts." + draft + ".presence";
        BlockingQueue<JsonNode> seenByKaz = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> seenByChair = new LinkedBlockingQueue<>();

        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz");
             LiveClient chair = new LiveClient(plenary.queryPort(), "chair")) {
            kaz.subscribe(presence, seenByKaz);
            JsonNode arrived = LiveClient.next(seenByKaz);
            assertThat(arrived.get("change").asText()).isEqualTo("JOINED");
            assertThat(arrived.get("member")).isEqualTo(member("kaz", "kaz", "DELEGATION", null));
            assertThat(users(arrived)).containsExactly("kaz");

            // the chair arrives: both see it, with the whole room
            chair.subscribe(presence, seenByChair);
            for (BlockingQueue<JsonNode> seen : List.of(seenByKaz, seenByChair)) {
                JsonNode update = LiveClient.next(seen);
                assertThat(update.get("change").asText()).isEqualTo("JOINED");
                assertThat(update.at("/member/user").asText()).isEqualTo("chair");
                assertThat(update.at("/member/role").asText()).isEqualTo("CHAIR");
                assertThat(users(update)).containsExactly("kaz", "chair");
            }

            // KAZ puts PP (v) in focus
            String pv = Drafts.paragraph(drafts.awaitVersion(draft, 3), "v").get("paragraphId").asText();
            kaz.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", pv));
            for (BlockingQueue<JsonNode> seen : List.of(seenByKaz, seenByChair)) {
                JsonNode update = LiveClient.next(seen);
                assertThat(update.get("change").asText()).isEqualTo("FOCUSED");
                assertThat(update.get("member")).isEqualTo(member("kaz", "kaz", "DELEGATION", pv));
                assertThat(update.at("/present/0/paragraphId").asText()).isEqualTo(pv);
                assertThat(update.at("/present/1/paragraphId").isNull()).isTrue();
            }

            // TUR follows the text only: it is in the room too, and leaves when it disconnects
            try (LiveClient tur = new LiveClient(plenary.queryPort(), "tur")) {
                tur.subscribe("/topic/drafts." + draft);
                assertThat(users(LiveClient.next(seenByKaz))).containsExactly("kaz", "chair", "tur");
                assertThat(users(LiveClient.next(seenByChair))).containsExactly("kaz", "chair", "tur");
            }
            assertThat(LiveClient.next(seenByChair).get("change").asText()).isEqualTo("LEFT");
            JsonNode left = LiveClient.next(seenByKaz);
            assertThat(left.get("change").asText()).isEqualTo("LEFT");
            assertThat(left.at("/member/user").asText()).isEqualTo("tur");
            assertThat(users(left)).containsExactly("kaz", "chair");

            // the chair unsubscribes: it has left
            chair.unsubscribe(presence);
            JsonNode chairLeft = LiveClient.next(seenByKaz);
            assertThat(chairLeft.get("change").asText()).isEqualTo("LEFT");
            assertThat(users(chairLeft)).containsExactly("kaz");
            assertThat(seenByChair.poll(300, TimeUnit.MILLISECONDS)).as("no longer listening").isNull();
        }

        // presence is not part of the record
        assertThat(new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft + "/events?after=0").json())
                .extracting(e -> e.get("type").asText())
                .containsExactly("DraftImported", "DelegationAdmitted", "DelegationAdmitted");
    }

    @Test
    void aLateListenerGetsTheWholeRoomAtOnce() throws Exception {
        String draft = drafts.seed("kaz");
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz");
             LiveClient auditor = new LiveClient(plenary.queryPort(), "auditor")) {
            kaz.subscribe("/topic/drafts." + draft);
            BlockingQueue<JsonNode> seenByKaz = new LinkedBlockingQueue<>();
            kaz.subscribe("/topic/drafts." + draft + ".presence", seenByKaz);
            kaz.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", "p1.16"));
            // focus travels on kaz's own connection: wait until the room has it before the auditor comes in
            JsonNode focused;
            do {
                focused = LiveClient.next(seenByKaz);
            } while (!"p1.16".equals(focused.at("/present/0/paragraphId").asText()));
            auditor.subscribe("/topic/drafts." + draft);

            // the auditor is in the room already (it follows the text); listening to presence brings the list
            BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
            auditor.subscribe("/topic/drafts." + draft + ".presence", seen);
            JsonNode list = LiveClient.next(seen);
            assertThat(list.get("change").isNull()).isTrue();
            assertThat(list.get("present")).containsExactly(member("kaz", "kaz", "DELEGATION", "p1.16"),
                    member("auditor", null, "AUDITOR", null));
        }
    }

    @Test
    void aFocusFromOutsideTheRoomOrOnNoParagraphChangesNothing() throws Exception {
        String draft = drafts.seed("kaz");
        BlockingQueue<JsonNode> seen = new LinkedBlockingQueue<>();
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz");
             LiveClient chair = new LiveClient(plenary.queryPort(), "chair")) {
            kaz.subscribe("/topic/drafts." + draft + ".presence", seen);
            LiveClient.next(seen);

            chair.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", "p1.9")); // not in the room
            kaz.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", "<script>"));
            kaz.send("/app/drafts." + draft + ".focus", Collections.singletonMap("paragraphId", null));

            JsonNode cleared = LiveClient.next(seen);
            assertThat(cleared.get("change").asText()).as("only the clearing counts").isEqualTo("FOCUSED");
            assertThat(cleared.at("/member/paragraphId").isNull()).isTrue();
            assertThat(users(cleared)).containsExactly("kaz");
            assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    private static List<String> users(JsonNode update) {
        List<String> users = new ArrayList<>();
        update.get("present").forEach(m -> users.add(m.get("user").asText()));
        return users;
    }

    private static JsonNode member(String user, String delegation, String role, String paragraphId) {
        Map<String, Object> member = new HashMap<>();
        member.put("user", user);
        member.put("delegation", delegation);
        member.put("role", role);
        member.put("paragraphId", paragraphId);
        return Client.JSON.valueToTree(member);
    }
}
