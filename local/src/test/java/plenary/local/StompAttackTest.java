package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import plenary.devdb.DevDatabase;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The STOMP command channel attacked as HTTP was (issue 10, "the ones we missed"): a connection signed in with a
 * token that has since expired, and one connection flooding commands, each a fault found on the channel; and the
 * HTTP side's rules (roles, observers, delegations not admitted, characters, enumerations, nesting) tried over it.
 */
class StompAttackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        // the sides' own settings set the token lifetime, so only a system property comes before them
        System.setProperty("plenary.identity.token-lifetime", "PT2S");
        try {
            plenary = Plenary.start(DevDatabase.forTests(), 0, 0, "plenary.limits.stomp-in-flight=8");
        } finally {
            System.clearProperty("plenary.identity.token-lifetime");
        }
        draft = new Drafts(plenary).seed("kaz");
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        assertThat(secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", "tur",
                "name", "the Republic of Türkiye", "participation", "CONFIRMED", "observer", true)).status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    private static long recorded() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft + "/events?format=ndjson")
                .body().lines().count();
    }

    @Test
    void aConnectionActsNoLongerThanTheTokenItSignedInWith() throws Exception {
        JsonNode session = new Client(plenary.queryPort(), "kaz").get("/api/session").json();
        String token = session.get("token").asText();
        Instant expires = Instant.parse(session.get("expiresAt").asText());
        assertThat(expires).as("a short-lived token").isBefore(Instant.now().plusSeconds(10));
        Connection kaz = Connection.withToken(plenary.commandPort(), token);
        assertThat(kaz.send("/app/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties act while signed in.")).getFirst("status"))
                .isEqualTo("201");

        // as long as HTTP takes the token (its expiry and the usual minute of clock skew), and a moment more
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires.plusSeconds(62)).toMillis()));
        assertThat(Client.withToken(plenary.commandPort(), token).postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties act after.")).status()).isEqualTo(401);
        long before = recorded();
        kaz.sendWithoutWaiting("/app/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties act long after their token expired."));
        assertThat(kaz.errors.poll(10, TimeUnit.SECONDS)).as("an ERROR frame").isNotNull().contains("expired");
        Thread.sleep(1000);
        assertThat(recorded()).as("nothing recorded with an expired token").isEqualTo(before);
    }

    @Test
    void oneConnectionCannotQueueCommandsWithoutLimit() throws Exception {
        Connection kaz = Connection.withLogin(plenary.commandPort(), "kaz");
        long before = recorded();
        List<CompletableFuture<StompHeaders>> receipts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            receipts.add(kaz.sendAsync("/app/drafts/" + draft + "/paragraphs",
                    Map.of("section", "OPERATIVE", "text", "Parties flood " + i + ".")));
        }
        Map<String, Integer> byStatus = new HashMap<>();
        String refusal = null;
        for (CompletableFuture<StompHeaders> r : receipts) {
            StompHeaders answer = r.get(120, TimeUnit.SECONDS);
            byStatus.merge(answer.getFirst("status"), 1, Integer::sum);
            if ("429".equals(answer.getFirst("status"))) {
                refusal = answer.getFirst("answer");
            }
        }
        assertThat(byStatus.keySet()).as("every command answered, carried out or refused").containsOnly("201", "429");
        assertThat(byStatus.get("429")).as("past 8 in flight, refused at once instead of queued").isPositive();
        assertThat(JSON.readTree(refusal).get("detail").asText()).contains("plenary.limits.stomp-in-flight");
        await(() -> recorded() == before + byStatus.get("201"));
        assertThat(kaz.errors).isEmpty();
        // and the connection still takes commands once its receipts are back
        assertThat(kaz.send("/app/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties rest.")).getFirst("status")).isEqualTo("201");
    }

    @Test
    void theHttpSidesRulesHoldOverStomp() throws Exception {
        String paragraphs = "/app/drafts/" + draft + "/paragraphs";
        Map<String, Object> proposal = Map.of("section", "OPERATIVE", "text", "Parties try.");
        long before = recorded();
        for (String user : List.of("observer", "tjk", "tur", "auditor")) {
            StompHeaders refused = Connection.withLogin(plenary.commandPort(), user).send(paragraphs, proposal);
            assertThat(refused.getFirst("status")).as(user).isEqualTo("403");
        }
        Connection kaz = Connection.withLogin(plenary.commandPort(), "kaz");
        StompHeaders nul = kaz.send(paragraphs, Map.of("section", "OPERATIVE", "text", "Parties \u0000 act."));
        assertThat(nul.getFirst("status")).isEqualTo("400");
        assertThat(JSON.readTree(nul.getFirst("answer")).get("field").asText()).isEqualTo("text");
        StompHeaders bidi = kaz.send(paragraphs, Map.of("section", "OPERATIVE", "text", "Parties \u202E act."));
        assertThat(bidi.getFirst("status")).isEqualTo("400");
        StompHeaders sideways = kaz.send(paragraphs, Map.of("section", "SIDEWAYS", "text", "Parties act."));
        assertThat(sideways.getFirst("status")).isEqualTo("400");
        assertThat(JSON.readTree(sideways.getFirst("answer")).get("detail").asText()).contains("OPERATIVE");
        StompHeaders deep = kaz.send(paragraphs, Map.of("section", "OPERATIVE",
                "text", "[".repeat(40) + "deep" + "]".repeat(40)));
        assertThat(deep.getFirst("status")).isEqualTo("400");
        StompHeaders accepted = kaz.send("/app/drafts/" + draft + "/brackets/b1/accept", Map.of("alternativeId", "a1"));
        assertThat(accepted.getFirst("status")).as("a delegation accepts no alternative").isIn("403", "404");
        Thread.sleep(500);
        assertThat(recorded()).isEqualTo(before);
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }

    /** A STOMP connection to the command side that keeps the ERROR frames it gets. */
    static final class Connection {
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        final StompSession session;

        private Connection(int port, StompHeaders connect) throws Exception {
            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
            stomp.setMessageConverter(new MappingJackson2MessageConverter());
            ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
            scheduler.setDaemon(true);
            scheduler.initialize();
            stomp.setTaskScheduler(scheduler);
            session = stomp.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                    new StompSessionHandlerAdapter() {
                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return byte[].class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            errors.add(String.valueOf(headers.getFirst("message")));
                        }

                        @Override
                        public void handleTransportError(StompSession s, Throwable exception) {
                            errors.add("transport: " + exception);
                        }
                    }).get(10, TimeUnit.SECONDS);
        }

        static Connection withLogin(int port, String user) throws Exception {
            StompHeaders connect = new StompHeaders();
            connect.setLogin(user);
            connect.setPasscode(user);
            return new Connection(port, connect);
        }

        static Connection withToken(int port, String token) throws Exception {
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token);
            return new Connection(port, connect);
        }

        CompletableFuture<StompHeaders> sendAsync(String destination, Object body) {
            StompHeaders headers = new StompHeaders();
            headers.setDestination(destination);
            headers.setReceipt(UUID.randomUUID().toString());
            CompletableFuture<StompHeaders> receipt = new CompletableFuture<>();
            session.send(headers, body).addReceiptTask(receipt::complete);
            return receipt;
        }

        StompHeaders send(String destination, Object body) throws Exception {
            return sendAsync(destination, body).get(15, TimeUnit.SECONDS);
        }

        void sendWithoutWaiting(String destination, Object body) {
            sendAsync(destination, body);
        }
    }
}
