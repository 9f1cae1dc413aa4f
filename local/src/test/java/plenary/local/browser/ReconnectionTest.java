package plenary.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.DemoRoom;
import plenary.local.Plenary;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server closes every WebSocket (as a query side going away does); while the page is cut off, others change
 * the draft; when the server takes connections again, the page reconnects, catches up from /events, shows every
 * change it missed, and says so.
 */
class ReconnectionTest {

    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = DemoRoom.open(plenary.commandPort());
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void aPageCutOffByTheServerReconnectsAndShowsEveryChangeItMissed() {
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", "/drafts/" + draft).live()) {
            kaz.js("window.notReloaded = true");
            String before = kaz.paragraph("PP (v)").getText();
            SubProtocolWebSocketHandler stomp = plenary.querySide().getBean(SubProtocolWebSocketHandler.class);

            stomp.stop();                 // closes every session with 1001 "going away"
            kaz.until(d -> "reconnecting".equals(kaz.find("#connection").getAttribute("data-state")));
            assertThat(kaz.find("#connection").getText()).contains("reconnecting");

            Client tur = new Client(plenary.commandPort(), "tur");
            JsonNode doc = new Client(plenary.queryPort(), "tur").get("/api/drafts/" + draft).json();
            String ppV = paragraphId(doc, "(v)");
            String op1 = paragraphId(doc, "1.");
            assertThat(tur.postJson("/api/drafts/" + draft + "/paragraphs/" + ppV + "/brackets",
                    Map.of("quote", "combat transnational organized crime", "alternatives", java.util.List.of("fight crime")))
                    .status()).isEqualTo(201);
            assertThat(tur.postJson("/api/drafts/" + draft + "/paragraphs/" + op1 + "/agreement",
                    Map.of("adReferendum", true)).status()).isEqualTo(200);
            assertThat(new Client(plenary.commandPort(), "chair").postJson("/api/drafts/" + draft + "/paragraphs",
                    Map.of("section", "OPERATIVE", "after", op1, "text", "Meet again in 2014.")).status()).isEqualTo(201);
            assertThat(kaz.find("#connection").getAttribute("data-state")).isEqualTo("reconnecting");
            assertThat(kaz.paragraph("PP (v)").getText()).isEqualTo(before);

            stomp.start();
            kaz.until(d -> "caughtUp".equals(kaz.find("#connection").getAttribute("data-state")));
            kaz.until(d -> kaz.paragraph("PP (v)").getText().contains("[combat transnational organized crime][fight crime]"));
            kaz.until(d -> kaz.paragraph("OP 1").getText().contains("TUR (ad ref.)"));
            kaz.until(d -> kaz.paragraph("OP 1bis").getText().contains("Meet again in 2014."));
            assertThat(kaz.find("#notices").getText()).contains("caught up with 3 change");
            assertThat(kaz.js("return window.notReloaded")).isEqualTo(true);

            // and it is live again
            assertThat(tur.postJson("/api/drafts/" + draft + "/brackets/" + bracketIn(kaz) + "/alternatives",
                    Map.of("text", "counter crime")).status()).isEqualTo(201);
            kaz.until(d -> kaz.paragraph("PP (v)").getText().contains("[fight crime][counter crime]"));
        }
    }

    private static String bracketIn(Page page) {
        return page.paragraph("PP (v)").findElement(org.openqa.selenium.By.cssSelector(".bracket"))
                .getAttribute("data-bracket");
    }

    private static String paragraphId(JsonNode doc, String label) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (label.equals(p.path("label").asText())) {
                return p.get("paragraphId").asText();
            }
        }
        throw new AssertionError("no paragraph " + label);
    }
}
