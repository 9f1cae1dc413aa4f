package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands over an open STOMP connection to the command side: signed in once at CONNECT, each SEND with a receipt
 * is answered by a RECEIPT carrying the status and the body the same command gets over HTTP.
 */
class StompCommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSendWithAReceiptIsAnsweredAsOverHttp() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0)) {
            Client secretariat = new Client(plenary.commandPort(), "secretariat");
            String draft = secretariat.post("/api/drafts/import", "text/markdown", "1. Parties shall act.\n")
                    .json().get("draftId").asText();
            assertThat(secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", "kaz",
                    "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")).status()).isEqualTo(200);
            StompSession kaz = connect(plenary.commandPort(), "kaz", "kaz");

            StompHeaders proposed = send(kaz, "/app/drafts/" + draft + "/paragraphs",
                    Map.of("section", "OPERATIVE", "text", "Parties note the order."), null);
            assertThat(proposed.getFirst("status")).isEqualTo("201");
            JsonNode answer = JSON.readTree(proposed.getFirst("answer"));
            assertThat(answer.get("version").asLong()).isEqualTo(3);
            assertThat(answer.get("paragraphId").asText()).isEqualTo("p3");

            StompHeaders bracketed = send(kaz, "/app/drafts/" + draft + "/paragraphs/p3/brackets",
                    Map.of("quote", "order", "alternatives", java.util.List.of("sequence")), "\"3\"");
            assertThat(bracketed.getFirst("status")).isEqualTo("201");
            assertThat(JSON.readTree(bracketed.getFirst("answer")).get("bracketId").asText()).isEqualTo("b4");

            // the rules and refusals are the HTTP side's
            StompHeaders stale = send(kaz, "/app/drafts/" + draft + "/brackets/b4/alternatives",
                    Map.of("text", "series"), "\"3\"");
            assertThat(stale.getFirst("status")).isEqualTo("412");
            assertThat(JSON.readTree(stale.getFirst("answer")).get("currentVersion").asLong()).isEqualTo(4);
            StompHeaders missing = send(kaz, "/app/drafts/" + draft + "/brackets/b99/alternatives",
                    Map.of("text", "series"), null);
            assertThat(missing.getFirst("status")).isEqualTo("404");
            assertThat(JSON.readTree(missing.getFirst("answer")).get("detail").asText()).contains("b99");
            StompHeaders sideways = send(kaz, "/app/drafts/" + draft + "/paragraphs",
                    Map.of("section", "SIDEWAYS", "text", "Parties note."), null);
            assertThat(sideways.getFirst("status")).isEqualTo("400");
            assertThat(sideways.getFirst("answer")).contains("section");

            // what was answered is what was recorded, and nothing refused was
            Client auditor = new Client(plenary.queryPort(), "auditor");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
                Client.Response events = auditor.get("/api/drafts/" + draft + "/events?after=0");
                return events.status() == 200 && events.json().size() == 4;
            });
            assertThat(auditor.get("/api/drafts/" + draft).json().at("/paragraphs/1").toString())
                    .contains("order").contains("sequence").doesNotContain("series");

            assertThatThrownBy(() -> connect(plenary.commandPort(), "kaz", "wrong"))
                    .as("a wrong passcode is refused at CONNECT").isInstanceOf(Exception.class);
        }
    }

    private static StompSession connect(int port, String login, String passcode) throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new MappingJackson2MessageConverter());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler);
        StompHeaders connect = new StompHeaders();
        connect.setLogin(login);
        connect.setPasscode(passcode);
        return stomp.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }

    /** Sends a command with a receipt and returns the RECEIPT's headers. */
    private static StompHeaders send(StompSession session, String destination, Object body, String ifMatch)
            throws Exception {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setReceipt(UUID.randomUUID().toString());
        if (ifMatch != null) {
            headers.add("if-match", ifMatch);
        }
        CompletableFuture<StompHeaders> receipt = new CompletableFuture<>();
        session.send(headers, body).addReceiptTask(receipt::complete);
        return receipt.get(10, TimeUnit.SECONDS);
    }
}
