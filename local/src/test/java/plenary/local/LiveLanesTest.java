package plenary.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft's changes reach its live clients through the lanes: each change is encoded once for all of them, and
 * every client gets the same frames, in version order, that differ only in its own subscription id. The WebSocket
 * handshake declines compression, which would compress each frame again for each connection. The frames are binary
 * WebSocket messages, which STOMP clients read as they read text ones.
 */
class LiveLanesTest {

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
    void aChangeIsEncodedOnceAndEveryClientGetsTheSameFramesInOrder() throws Exception {
        String draft = drafts.seed("kaz");
        String other = drafts.seed("kaz"); // followed too, so that each client's subscription id differs
        long start = drafts.awaitVersion(draft, 2).get("version").asLong();
        String[] users = {"kaz", "chair", "auditor", "secretariat"};
        List<WireClient> clients = new ArrayList<>();
        try {
            for (int c = 0; c < users.length; c++) {
                WireClient client = new WireClient(plenary.queryPort(), users[c], "0,0");
                for (int before = 0; before < c; before++) {
                    client.subscribe("/topic/drafts." + other);
                }
                client.subscribe("/topic/drafts." + draft);
                clients.add(client);
            }
            double encodedBefore = metric("plenary_live_encoded_total");
            double deliveredBefore = metric("plenary_live_deliveries_total");

            int changes = 20;
            Client kaz = new Client(plenary.commandPort(), "kaz");
            String otherScripts = "Les Parties «se réunissent» — الأطراف تجتمع";
            for (int i = 0; i < changes; i++) {
                String text = i + (i == changes - 1 ? ". " + otherScripts : ". Parties shall meet.");
                assertThat(kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                        Map.of("section", "OPERATIVE", "text", text)).status()).isEqualTo(201);
            }

            List<List<WireClient.Frame>> received = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                String subscription = "subscription:" + c;
                List<WireClient.Frame> frames = new ArrayList<>();
                while (frames.size() < changes) {
                    WireClient.Frame frame = clients.get(c).next();
                    if (frame.headers().contains("destination:/topic/drafts." + draft + "\n")) {
                        frames.add(frame);
                    }
                }
                assertThat(frames).extracting(frame -> frame.json().get("version").asLong())
                        .as(users[c] + " got every change once, in order")
                        .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + changes)
                                .boxed().toList());
                assertThat(frames).extracting(WireClient.Frame::headers).as(users[c] + "'s own subscription")
                        .allMatch(headers -> List.of(headers.split("\n")).contains(subscription));
                assertThat(frames).as("binary WebSocket frames: bytes Tomcat copies, not text it encodes again per client")
                        .allMatch(WireClient.Frame::binary);
                assertThat(frames.get(changes - 1).json().get("paragraphs").toString()).contains(otherScripts);
                assertThat(frames.get(changes - 1).body()).as("sent as ASCII, other scripts escaped in the JSON")
                        .matches("\\p{ASCII}*");
                received.add(frames);
            }
            for (int c = 1; c < received.size(); c++) {
                for (int i = 0; i < changes; i++) {
                    WireClient.Frame mine = received.get(c).get(i);
                    WireClient.Frame first = received.get(0).get(i);
                    assertThat(mine.body()).isEqualTo(first.body());
                    assertThat(withoutSubscription(mine.headers())).isEqualTo(withoutSubscription(first.headers()));
                }
            }
            assertThat(metric("plenary_live_encoded_total") - encodedBefore).as("encoded once per change")
                    .isEqualTo(changes);
            assertThat(metric("plenary_live_deliveries_total") - deliveredBefore).as("written once per client")
                    .isEqualTo(changes * users.length);
        } finally {
            clients.forEach(WireClient::close);
        }
    }

    @Test
    void theHandshakeDeclinesCompression() throws Exception {
        String offered = WireClient.upgrade(plenary.queryPort(),
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
        assertThat(offered).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
    }

    private static String withoutSubscription(String headers) {
        return headers.replaceAll("(^|\n)subscription:[^\n]*", "");
    }

    private static double metric(String name) {
        String metrics = Client.anonymous(plenary.queryPort()).get("/actuator/prometheus").body();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
