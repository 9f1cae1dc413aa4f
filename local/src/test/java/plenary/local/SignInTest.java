package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.access.SessionTokens;
import plenary.devdb.DevDatabase;
import plenary.identity.Actor;
import plenary.identity.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identity contract the web client builds on: the sign-in form, the session cookie, {@code GET /api/session}
 * and its token, which the command side and STOMP CONNECT accept; CSRF tokens for what the session signs; and
 * HTTP Basic unchanged for everyone else.
 */
class SignInTest {

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
    void theSignInPageIsAFormWithUserNameAndPasswordAndHandsOutTheCsrfToken() {
        Browser browser = new Browser(plenary.queryPort());
        Client.Response page = browser.navigate("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"",
                "method=\"post\" action=\"/login\"");
        assertThat(browser.csrfToken()).isNotBlank();
    }

    @Test
    void aBrowserNotSignedInIsSentToSignInAndThenBackToThePageItAskedFor() {
        Browser browser = new Browser(plenary.queryPort());
        Client.Response asked = browser.navigate("/drafts/" + draft);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).endsWith("/login");

        Client.Response signedIn = browser.signIn("kaz", "kaz");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/drafts/" + draft);
    }

    @Test
    void aWrongPasswordGoesBackToTheFormAndSignsNobodyIn() {
        Browser browser = new Browser(plenary.queryPort());
        Client.Response refused = browser.signIn("kaz", "not-kaz");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/login?error");
        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(401);
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() {
        Browser browser = new Browser(plenary.queryPort());
        browser.navigate("/login");

        Client.Response forged = browser.form("/login", Map.of("username", "kaz", "password", "kaz"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(401);
    }

    @Test
    void signingInGivesAnHttpOnlySessionCookieAndTheSessionSaysWhoAndGivesAToken() {
        Browser browser = new Browser(plenary.queryPort());
        browser.signIn("kaz", "kaz");
        assertThat(browser.sessionCookie()).isNotNull();
        assertThat(browser.sessionCookie().isHttpOnly()).isTrue();

        Client.Response session = browser.fetch("GET", "/api/session");

        assertThat(session.status()).isEqualTo(200);
        JsonNode body = session.json();
        assertThat(body.get("user").asText()).isEqualTo("kaz");
        assertThat(body.get("role").asText()).isEqualTo("DELEGATION");
        assertThat(body.get("delegation").asText()).isEqualTo("kaz");
        assertThat(body.get("commandUrl").asText()).isEqualTo("http://localhost:" + plenary.commandPort());
        Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(60), Instant.now().plus(Duration.ofHours(1)));
        assertThat(body.get("token").asText().split("\\.")).as("a JWT").hasSize(3);
        assertThat(session.header("Cache-Control")).contains("no-store");
    }

    @Test
    void withoutSignInTheSessionAnswers401ProblemWithoutABasicChallenge() {
        Client.Response fromPage = new Browser(plenary.queryPort()).fetch("GET", "/api/session");
        Client.Response fromCurl = Client.anonymous(plenary.queryPort()).get("/api/session");

        for (Client.Response r : List.of(fromPage, fromCurl)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.header("WWW-Authenticate")).isNull();
        }
        assertThat(new Browser(plenary.queryPort()).fetch("GET", "/api/drafts").header("WWW-Authenticate"))
                .as("a browser is never asked for Basic credentials").isNull();
        assertThat(Client.anonymous(plenary.queryPort()).get("/api/drafts").header("WWW-Authenticate"))
                .as("curl is, as before").isEqualTo("Basic realm=\"plenary\"");
    }

    @Test
    void theSessionTokenActsOnTheCommandSideAsTheSignedInDelegation() {
        String token = signedIn("kaz").get("token").asText();

        Client.Response proposed = Client.withToken(plenary.commandPort(), token).postJson(
                "/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Parties meet yearly."));

        assertThat(proposed.status()).isEqualTo(201);
        long version = proposed.json().get("version").asLong();
        new Drafts(plenary).awaitVersion(draft, version);
        JsonNode event = new Client(plenary.queryPort(), "auditor")
                .get("/api/drafts/" + draft + "/events?after=" + (version - 1)).json().get(0);
        assertThat(event.get("actor").get("user").asText()).isEqualTo("kaz");
        assertThat(event.get("actor").get("delegation").asText()).isEqualTo("kaz");
        assertThat(Client.withToken(plenary.queryPort(), token).get("/api/drafts/" + draft).status())
                .as("the query side takes it too").isEqualTo(200);
    }

    @Test
    void aForgedExpiredOrForeignTokenIsRefusedAndRecordsNothing() {
        String token = signedIn("kaz").get("token").asText();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"DELEGATION\"", "\"SECRETARIAT\"").getBytes()) + "." + parts[2];
        byte[] key = Base64.getDecoder().decode(plenary.commandSide().getEnvironment()
                .getProperty("plenary.identity.token-key"));
        String expired = new SessionTokens(key, Duration.ofMinutes(5),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue(new Actor("kaz", "kaz", Role.DELEGATION)).token();
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        String foreign = new SessionTokens(otherKey, Duration.ofMinutes(5), Clock.systemUTC())
                .issue(new Actor("kaz", "kaz", Role.DELEGATION)).token();
        long before = version();

        for (String bad : List.of(promoted, expired, foreign, "not-a-token")) {
            Client.Response refused = Client.withToken(plenary.commandPort(), bad).post("/api/drafts/" + draft + "/renumbering");
            assertThat(refused.status()).as(bad).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        }
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void stompConnectTakesTheSessionToken() throws Exception {
        String token = signedIn("kaz").get("token").asText();
        try (LiveClient live = LiveClient.withToken(plenary.queryPort(), token)) {
            live.subscribe("/topic/drafts." + draft);
            assertThat(live.errors).isEmpty();
        }
        assertThatThrownBy(() -> LiveClient.withToken(plenary.queryPort(), token + "x"))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void unsafeRequestsSignedByTheSessionNeedTheCsrfTokenAndSigningOutEndsTheSession() {
        Browser browser = new Browser(plenary.queryPort());
        browser.signIn("auditor", "auditor");

        Client.Response withoutToken = browser.fetch("POST", "/logout");
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");
        assertThat(withoutToken.json().get("detail").asText()).contains("X-XSRF-TOKEN");
        assertThat(browser.fetch("GET", "/api/session").status()).as("still signed in").isEqualTo(200);

        Client.Response signedOut = browser.fetch("POST", "/logout", browser.withCsrf(), null, null);
        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(401);
    }

    @Test
    void httpBasicStillServesCurlOnBothSidesAndGivesATokenToo() {
        assertThat(new Client(plenary.queryPort(), "kaz").get("/api/drafts/" + draft).status()).isEqualTo(200);
        JsonNode session = new Client(plenary.queryPort(), "kaz").get("/api/session").json();
        assertThat(session.get("user").asText()).isEqualTo("kaz");
        Client.Response unsafe = new Client(plenary.queryPort(), "secretariat").get("/api/admin/rebuild");
        assertThat(unsafe.status()).isEqualTo(200);
    }

    @Test
    void theCommandSideAnswersTheWebClientsPreflightOnly() {
        String page = "http://localhost:" + plenary.queryPort();
        Client.Response allowed = preflight(page);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(page);
        assertThat(allowed.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "if-match", "idempotency-key");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();

        Client.Response foreign = preflight("https://evil.example");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    private static Client.Response preflight(String origin) {
        return Client.anonymous(plenary.commandPort()).with("Origin", origin)
                .with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .send("OPTIONS", "/api/drafts/" + draft + "/paragraphs", null, null);
    }

    private static JsonNode signedIn(String user) {
        Browser browser = new Browser(plenary.queryPort());
        assertThat(browser.signIn(user, user).status()).isEqualTo(302);
        return browser.fetch("GET", "/api/session").json();
    }

    private static long version() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft).json().get("version").asLong();
    }
}
