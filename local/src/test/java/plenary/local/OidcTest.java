package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An organisation's identity provider beside the demo accounts (issue 10, item 6), against a real OIDC server
 * (mock-oauth2-server: discovery, signing keys, tokens and the login redirects). Its access tokens work on both
 * sides and in STOMP CONNECT, with the role and the delegation read from claims as configured (here Keycloak's
 * shape: {@code realm_access.roles} holding {@code plenary-delegation}); the web client signs in through it.
 */
class OidcTest {

    static final String ISSUER = "plenary";
    static MockOAuth2Server provider;
    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0,
                "plenary.identity.oidc.issuer-uri=" + provider.issuerUrl(ISSUER),
                "plenary.identity.oidc.role-claim=realm_access.roles",
                "plenary.identity.oidc.role-prefix=plenary-",
                "plenary.identity.oidc.client-id=plenary-web", "plenary.identity.oidc.client-secret=secret");
        draft = new Drafts(plenary).seed("kaz");
    }

    @AfterAll
    static void stop() {
        plenary.close();
        provider.shutdown();
    }

    static Map<String, Object> claims(String user, String role, String delegation) {
        return delegation == null
                ? Map.of("preferred_username", user, "realm_access", Map.of("roles", List.of("offline", role)))
                : Map.of("preferred_username", user, "realm_access", Map.of("roles", List.of("offline", role)),
                "plenary_delegation", delegation);
    }

    static String token(String issuer, Map<String, Object> claims, long seconds) {
        return provider.issueToken(issuer, "plenary-api", new DefaultOAuth2TokenCallback(issuer, "sub-" + claims.get(
                "preferred_username"), "JWT", List.of("plenary"), claims, seconds)).serialize();
    }

    @Test
    void theProvidersAccessTokenActsWithTheRoleAndDelegationItsClaimsGive() throws Exception {
        String kaz = token(ISSUER, claims("aigerim.kaz", "plenary-delegation", "KAZ"), 300);

        Client.Response proposed = Client.withToken(plenary.commandPort(), kaz).postJson("/api/drafts/" + draft
                + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Parties sign in with their provider."));
        assertThat(proposed.status()).isEqualTo(201);
        long version = proposed.json().get("version").asLong();
        new Drafts(plenary).awaitVersion(draft, version);
        JsonNode actor = new Client(plenary.queryPort(), "auditor")
                .get("/api/drafts/" + draft + "/events?after=" + (version - 1)).json().get(0).get("actor");
        assertThat(actor.get("user").asText()).isEqualTo("aigerim.kaz");
        assertThat(actor.get("delegation").asText()).isEqualTo("kaz");
        assertThat(actor.get("role").asText()).isEqualTo("DELEGATION");

        assertThat(Client.withToken(plenary.queryPort(), kaz).get("/api/drafts/" + draft + "/events?after=0").status())
                .isEqualTo(200);
        try (LiveClient live = LiveClient.withToken(plenary.queryPort(), kaz)) {
            live.subscribe("/topic/drafts." + draft);
            assertThat(live.errors).isEmpty();
        }
        String observer = token(ISSUER, claims("olga.obs", "plenary-observer", null), 300);
        assertThat(Client.withToken(plenary.queryPort(), observer).get("/api/drafts/" + draft + "/history").status())
                .as("an observer from the provider is an observer").isEqualTo(403);
        String secretariat = token(ISSUER, claims("sec.one", "plenary-secretariat", null), 300);
        assertThat(Client.withToken(plenary.commandPort(), secretariat).postJson("/api/drafts/" + draft + "/revisions",
                Map.of()).status()).isEqualTo(201);
    }

    @Test
    void aTokenWithoutAPlenaryRoleFromAnotherIssuerOrExpiredIsRefused() {
        long before = version();
        for (String bad : List.of(
                token(ISSUER, Map.of("preferred_username", "mallory", "realm_access", Map.of("roles", List.of("admin"))), 300),
                token(ISSUER, claims("tjk.someone", "plenary-delegation", null), 300),
                token("elsewhere", claims("aigerim.kaz", "plenary-secretariat", null), 300),
                token(ISSUER, claims("aigerim.kaz", "plenary-secretariat", null), -120))) {
            Client.Response refused = Client.withToken(plenary.commandPort(), bad).post("/api/drafts/" + draft
                    + "/renumbering");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(Client.withToken(plenary.commandPort(), token(ISSUER, Map.of("preferred_username", "mallory",
                "realm_access", Map.of("roles", List.of("admin"))), 300)).post("/api/drafts/" + draft + "/renumbering")
                .json().get("detail").asText()).contains("realm_access.roles names no Plenary role");
        assertThat(version()).isEqualTo(before);
        assertThatThrownBy(() -> LiveClient.withToken(plenary.queryPort(),
                token("elsewhere", claims("x", "plenary-chair", null), 300))).isInstanceOf(ExecutionException.class);
    }

    @Test
    void theWebClientSignsInThroughTheProvider() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-aigerim", "JWT", List.of("plenary-web"),
                claims("aigerim.kaz", "plenary-delegation", "KAZ"), 300));
        Browser browser = new Browser(plenary.queryPort());

        Client.Response signIn = browser.navigate("/login");
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.header("Location")).endsWith("/oauth2/authorization/oidc");
        Client.Response atProvider = browser.follow(signIn.header("Location"));
        assertThat(atProvider.header("Location")).startsWith(provider.issuerUrl(ISSUER).toString());
        Client.Response back = browser.follow(atProvider.header("Location"));
        assertThat(back.header("Location")).contains("/login/oauth2/code/oidc");
        Client.Response signedIn = browser.follow(back.header("Location"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("error");

        JsonNode session = browser.fetch("GET", "/api/session").json();
        assertThat(session.get("user").asText()).isEqualTo("aigerim.kaz");
        assertThat(session.get("role").asText()).isEqualTo("DELEGATION");
        assertThat(session.get("delegation").asText()).isEqualTo("kaz");
        assertThat(Client.withToken(plenary.commandPort(), session.get("token").asText()).postJson("/api/drafts/" + draft
                + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Signed in.")).status()).isEqualTo(201);
    }

    @Test
    void aProviderUserWithoutAPlenaryRoleIsNotSignedIn() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-mallory", "JWT", List.of("plenary-web"),
                Map.of("preferred_username", "mallory", "realm_access", Map.of("roles", List.of("admin"))), 300));
        Browser browser = new Browser(plenary.queryPort());
        Client.Response at = browser.follow(browser.follow(browser.navigate("/login").header("Location"))
                .header("Location"));
        Client.Response refused = browser.follow(at.header("Location"));
        assertThat(refused.header("Location")).endsWith("/login?error&provider");
        Client.Response form = browser.navigate("/login?error&provider");
        assertThat(form.status()).as("the form explains, no loop").isEqualTo(200);
        assertThat(form.body()).contains("id=\"provider-refused\"");
        assertThat(browser.fetch("GET", "/api/session").status()).isEqualTo(401);
    }

    @Test
    void theDemoAccountsStillWorkBesideTheProvider() {
        assertThat(new Client(plenary.queryPort(), "kaz").get("/api/drafts/" + draft).status()).isEqualTo(200);
    }

    private static long version() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft).json().get("version").asLong();
    }
}
