package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import plenary.devdb.DevDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two query-side nodes behind RabbitMQ (plenary.live.relay.enabled): a change reaches the clients of both nodes once,
 * whichever node projected it; presence is one room across the nodes; the members of a node that stopped showing
 * itself leave their rooms within the node timeout.
 */
class RelayTest {

    static DevDatabase db;
    static Plenary plenary;
    static ConfigurableApplicationContext secondQueryNode;
    static int portB;
    static Drafts drafts;

    @BeforeAll
    static void start() {
        Rabbit.assumeStomp();
        db = DevDatabase.forTests();
        String[] relay = {"plenary.live.relay.enabled=true", "plenary.live.relay.host=" + Rabbit.HOST,
                "plenary.live.relay.port=" + Rabbit.STOMP_PORT};
        plenary = Plenary.start(db, 0, 0, relay);
        secondQueryNode = Plenary.startSide(false, db, 0, "--plenary.live.relay.enabled=true",
                "--plenary.live.relay.host=" + Rabbit.HOST, "--plenary.live.relay.port=" + Rabbit.STOMP_PORT,
                "--plenary.identity.token-key=" + Plenary.newKey());
        portB = ((WebServerApplicationContext) secondQueryNode).getWebServer().getPort();
        drafts = new Drafts(plenary);
    }

    @AfterAll
    static void stop() {
        if (secondQueryNode != null) {
            secondQueryNode.close();
        }
        if (plenary != null) {
            plenary.close();
        }
    }

    @Test
    void changesAndPresenceReachTheClientsOfEveryNode() throws Exception {
        String draft = drafts.seed("kaz", "tur");
        String presence = "/topic/drafts." + draft + ".presence";
        BlockingQueue<JsonNode> kazSees = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> turSees = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> kazRoom = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> turRoom = new LinkedBlockingQueue<>();
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz");
             LiveClient tur = new LiveClient(portB, "tur")) {
            kaz.subscribe("/topic/drafts." + draft, kazSees);
            kaz.subscribe(presence, kazRoom);
            JsonNode kazFirst = until(kazRoom, "kaz");
            assertThat(users(kazFirst)).containsExactly("kaz");

            // TUR on the other node: both see one room with both in it
            tur.subscribe("/topic/drafts." + draft, turSees);
            tur.subscribe(presence, turRoom);
            assertThat(users(until(turRoom, "kaz", "tur"))).containsExactly("kaz", "tur");
            JsonNode joined = until(kazRoom, "kaz", "tur");
            assertThat(joined.get("change").asText()).isEqualTo("JOINED");
            assertThat(joined.at("/member/user").asText()).isEqualTo("tur");

            // a focus on node B shows on node A
            tur.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", "p1.9"));
            JsonNode focused;
            do {
                focused = LiveClient.next(kazRoom);
            } while (!"FOCUSED".equals(focused.get("change").asText()));
            assertThat(focused.at("/present/1/paragraphId").asText()).isEqualTo("p1.9");
            // the room's revisions are counted across the nodes: node B's broadcasts follow node A's
            JsonNode alone = kazFirst;
            assertThat(joined.get("revision").asLong()).isGreaterThan(alone.get("revision").asLong());
            assertThat(focused.get("revision").asLong()).isGreaterThan(joined.get("revision").asLong());

            // changes: every client of either node gets each version once, in order
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            List<Long> versions = new ArrayList<>();
            for (String code : List.of("tjk", "kgz", "aze")) {
                versions.add(secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", code,
                        "name", "the delegation of " + code, "participation", "CONFIRMED")).json().get("version").asLong());
            }
            for (BlockingQueue<JsonNode> seen : List.of(kazSees, turSees)) {
                List<Long> got = new ArrayList<>();
                for (int i = 0; i < versions.size(); i++) {
                    got.add(LiveClient.next(seen).get("version").asLong());
                }
                assertThat(got).isEqualTo(versions);
                assertThat(seen.poll(500, TimeUnit.MILLISECONDS)).as("each change once").isNull();
            }

            // a node that died with a member in the room: it stops showing itself, and its member leaves
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                c.createStatement().execute("INSERT INTO live_node (node, seen) VALUES ('dead', now())");
                c.createStatement().execute("INSERT INTO live_presence (node, session, draft_id, user_name, "
                        + "delegation, role) VALUES ('dead', 's1', '" + draft + "', 'kgz', 'kgz', 'DELEGATION')");
            }
            tur.send("/app/drafts." + draft + ".focus", Map.of("paragraphId", "p1.10"));
            assertThat(users(until(kazRoom, "kaz", "tur", "kgz"))).containsExactly("kaz", "tur", "kgz");
            long silent = System.nanoTime();
            JsonNode left = until(kazRoom, "kaz", "tur");
            assertThat(left.get("change").asText()).isEqualTo("LEFT");
            assertThat(left.at("/member/user").asText()).isEqualTo("kgz");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - silent)).isLessThan(10);
        }
    }

    /** The next room message whose members are exactly these users. */
    private static JsonNode until(BlockingQueue<JsonNode> room, String... users) throws InterruptedException {
        while (true) {
            JsonNode update = LiveClient.next(room);
            if (users(update).equals(List.of(users))) {
                return update;
            }
        }
    }

    private static List<String> users(JsonNode update) {
        List<String> users = new ArrayList<>();
        update.get("present").forEach(m -> users.add(m.get("user").asText()));
        return users;
    }
}
