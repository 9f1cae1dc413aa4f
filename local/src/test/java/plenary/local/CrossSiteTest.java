package plenary.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;
import plenary.devdb.DevDatabase;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile web page that a signed-in delegate visits (issue 10, item 4). Its forms and scripts reach Plenary with
 * whatever credentials the browser holds: the query side's session cookie, or HTTP Basic the browser remembers.
 * Every one of its requests is refused and records nothing, while the web client's own pages and curl go on.
 */
class CrossSiteTest {

    static final String EVIL = "https://evil.example";
    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = new Drafts(plenary).seed("kaz");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void aHostilePageCannotFireCommandsWithoutABodyOrWithPlainText() {
        long before = version();
        Browser hostile = new Browser(plenary.queryPort(), EVIL);
        String basic = "Basic c2VjcmV0YXJpYXQ6c2VjcmV0YXJpYXQ="; // what a browser remembers after a Basic prompt
        for (String path : List.of("/finalise", "/revisions", "/renumbering", "/import", "/corrigenda")) {
            Client.Response refused = hostile.fetch(plenary.commandPort(), "POST", "/api/drafts/" + draft + path,
                    Map.of("Authorization", basic), "text/plain", "1. Parties shall act.\n");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains(EVIL);
        }
        Client.Response withoutOrigin = new Browser(plenary.queryPort(), EVIL).fetch(plenary.commandPort(), "GET",
                "/v3/api-docs", Map.of("Origin", "null"), null, null);
        assertThat(withoutOrigin.status()).as("an opaque origin is no origin we allow").isEqualTo(403);
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void aCrossSiteRequestIsRefusedEvenWithoutAnOrigin() {
        Client.Response refused = Client.anonymous(plenary.queryPort()).with("Sec-Fetch-Site", "cross-site")
                .with("Sec-Fetch-Mode", "no-cors").with("Sec-Fetch-Dest", "image").get("/api/drafts/" + draft);
        assertThat(refused.status()).isEqualTo(403);

        Client.Response link = Client.anonymous(plenary.queryPort()).with("Sec-Fetch-Site", "cross-site")
                .with("Sec-Fetch-Mode", "navigate").with("Sec-Fetch-Dest", "document").with("Accept", "text/html")
                .get("/drafts/" + draft);
        assertThat(link.status()).as("a link from elsewhere leads to sign-in").isEqualTo(302);
    }

    @Test
    void aHostilePageCannotUseTheDelegatesSession() {
        Browser delegate = new Browser(plenary.queryPort());
        delegate.signIn("secretariat", "secretariat");
        Browser hostile = delegate.on(EVIL);

        Client.Response rebuild = hostile.fetch("POST", "/api/admin/rebuild", Map.of(), null, null);
        Client.Response logout = hostile.form("/logout", Map.of());
        Client.Response session = hostile.fetch("GET", "/api/session");

        assertThat(rebuild.status()).isEqualTo(403);
        assertThat(logout.status()).isEqualTo(403);
        assertThat(session.status()).as("another origin's script reads nothing").isEqualTo(403);
        assertThat(delegate.fetch("GET", "/api/session").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theWebClientsOwnPageReachesBothSides() {
        Browser page = new Browser(plenary.queryPort());
        page.signIn("kaz", "kaz");
        String token = page.fetch("GET", "/api/session").json().get("token").asText();

        Client.Response proposed = page.fetch(plenary.commandPort(), "POST", "/api/drafts/" + draft + "/paragraphs",
                Map.of("Authorization", "Bearer " + token), "application/json",
                "{\"section\": \"OPERATIVE\", \"text\": \"Parties report yearly.\"}");

        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:" + plenary.queryPort());
    }

    @Test
    void markdownIsTakenOnlyAsTextMarkdown() throws Exception {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        String text = Files.readString(Drafts.SEED);
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            Client.Response refused = secretariat.post("/api/drafts/import", type, text);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(secretariat.post("/api/drafts/import", "text/markdown", text).status()).isEqualTo(201);
        assertThat(secretariat.post("/api/drafts/import", "text/markdown; charset=UTF-8", text).status()).isEqualTo(201);
    }

    @Test
    void theLiveChannelTakesHandshakesOnlyFromPlenarysOwnPages() throws Exception {
        WebSocketHttpHeaders fromEvil = new WebSocketHttpHeaders();
        fromEvil.setOrigin(EVIL);
        StompHeaders kaz = new StompHeaders();
        kaz.setLogin("kaz");
        kaz.setPasscode("kaz");
        assertThatThrownBy(() -> new LiveClient(plenary.queryPort(), fromEvil, kaz))
                .isInstanceOf(ExecutionException.class);

        WebSocketHttpHeaders fromPlenary = new WebSocketHttpHeaders();
        fromPlenary.setOrigin("http://localhost:" + plenary.queryPort());
        try (LiveClient live = new LiveClient(plenary.queryPort(), fromPlenary, kaz)) {
            live.subscribe("/topic/drafts." + draft);
            assertThat(live.errors).isEmpty();
        }
    }

    private static long version() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft).json().get("version").asLong();
    }
}
