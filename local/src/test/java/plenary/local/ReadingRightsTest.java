package plenary.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads a draft's record (issue 10, items 1 and 2), tried as an outsider would: an observer and a delegation
 * that was never admitted ask for the events, history, diff, verification, revisions and past states, plainly and
 * with every spelling of the path that a server might read differently from its access rule. Nothing of the record
 * comes back; the draft's own delegations, the chair and auditors read it all.
 */
class ReadingRightsTest {

    static Plenary plenary;
    static String draft;

    /** What only the draft's readers get, as the API spells it. */
    static List<String> RECORD;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = new Drafts(plenary).seed("kaz");
        new Client(plenary.commandPort(), "secretariat").postJson("/api/drafts/" + draft + "/revisions", Map.of());
        new Drafts(plenary).awaitVersion(draft, 3);
        RECORD = List.of("/events?after=0", "/events?format=ndjson", "/history", "/diff?from=1&to=2", "/verify",
                "/revisions", "?version=1", "?at=" + Instant.now(), "?revision=Rev.1", "/text?format=markdown&version=1",
                "/brackets?version=1");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void theDraftsReadersReadItsRecord() {
        for (String user : List.of("kaz", "chair", "secretariat", "auditor")) {
            for (String path : RECORD) {
                Client.Response r = new Client(plenary.queryPort(), user).get("/api/drafts/" + draft + path);
                assertThat(r.status()).as(user + " " + path).isIn(200);
            }
        }
    }

    @Test
    void aDelegationNotAdmittedReadsTheCurrentTextButNothingOfTheRecord() {
        Client tjk = new Client(plenary.queryPort(), "tjk");
        assertThat(tjk.get("/api/drafts/" + draft).status()).isEqualTo(200);
        assertThat(tjk.get("/api/drafts/" + draft + "/text?format=markdown").status()).isEqualTo(200);
        for (String path : RECORD) {
            Client.Response refused = tjk.get("/api/drafts/" + draft + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).as(path).contains("TJK has not been admitted");
        }
    }

    @Test
    void anObserverReadsTheCurrentTextButNothingOfTheRecord() {
        Client observer = new Client(plenary.queryPort(), "observer");
        assertThat(observer.get("/api/drafts/" + draft).status()).isEqualTo(200);
        for (String path : RECORD) {
            Client.Response refused = observer.get("/api/drafts/" + draft + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("detail").asText()).as(path).contains("observer reads its current text");
        }
    }

    /** Encoded, doubled, dotted, decorated and re-cased spellings of the record's paths. */
    static List<String> spellings(String d) {
        return List.of(
                "/api/drafts/" + d + "/%65vents?after=0",
                "/api/drafts/" + d + "/%64iff?from=1&to=2",
                "/%61pi/drafts/" + d + "?version=1",
                "/api/%64rafts/" + d + "/history",
                "/api/drafts/" + d + "?%76ersion=1",
                "/api/drafts/" + d + "?Version=1&version=1",
                "/api/drafts/" + d + "/text?format=markdown&%72evision=Rev.1",
                "//api/drafts/" + d + "/events?after=0",
                "/api//drafts/" + d + "/events?after=0",
                "/api/drafts/" + d + "//events?after=0",
                "/api/drafts/" + d + "/events/?after=0",
                "/api/drafts/" + d + "/events;x=1?after=0",
                "/api/drafts/" + d + ";x=1/events?after=0",
                "/api/drafts/" + d + "/./events?after=0",
                "/api/drafts/" + d + "/x/../events?after=0",
                "/api/drafts/" + d + "/%2e/events?after=0",
                "/api/drafts/" + d + "/x/%2e%2e/events?after=0",
                "/api/drafts/" + d + "%2Fevents?after=0",
                "/api/drafts/" + d + "%2fevents?after=0",
                "/api/drafts/" + d + "/events%3Fafter=0",
                "/api/drafts/" + d + "/EVENTS?after=0",
                "/API/drafts/" + d + "/events?after=0",
                "/api/Drafts/" + d + "/events?after=0",
                "/api/drafts/" + d + "/events%00?after=0",
                "/api/drafts/" + d + "/events%20?after=0",
                "/api/drafts/" + d + "/verify.json",
                "/api/drafts/" + d + "/%76erify",
                "/api/drafts/" + d + "/revisions%2F",
                "/api/drafts/" + d.toUpperCase() + "/events?after=0",
                "/api/drafts/%20" + d + "/events?after=0");
    }

    @Test
    void noSpellingOfTheRecordsPathsGetsPastTheRule() {
        for (String user : List.of("observer", "tjk")) {
            Client outsider = new Client(plenary.queryPort(), user);
            for (String path : spellings(draft)) {
                Client.Response r = outsider.get(path);
                assertThat(r.status()).as(user + " " + path).isIn(400, 403, 404);
                assertThat(r.contentType()).as(user + " " + path).startsWith("application/problem+json");
                assertThat(r.body()).as(user + " " + path).doesNotContain("DraftImported", "headHash", "\"label\"");
            }
        }
    }

    @Test
    void aDelegationAdmittedAsAnObserverReadsTheRecordAndFollowsTheRoomButActsNot() throws Exception {
        String observed = new Drafts(plenary).seed("kaz");
        Client.Response admitted = new Client(plenary.commandPort(), "secretariat").postJson(
                "/api/drafts/" + observed + "/delegations",
                Map.of("code", "tur", "name", "the Republic of Türkiye", "participation", "CONFIRMED", "observer", true));
        assertThat(admitted.status()).isEqualTo(200);
        new Drafts(plenary).awaitVersion(observed, admitted.json().get("version").asLong());
        Client tur = new Client(plenary.queryPort(), "tur");

        assertThat(tur.get("/api/drafts/" + observed + "/events?after=0").status()).isEqualTo(200);
        assertThat(tur.get("/api/drafts/" + observed + "/history").status()).isEqualTo(200);
        try (LiveClient live = new LiveClient(plenary.queryPort(), "tur")) {
            live.subscribe("/topic/drafts." + observed);
            assertThat(live.errors).isEmpty();
        }
        Client.Response proposal = new Client(plenary.commandPort(), "tur").postJson("/api/drafts/" + observed
                + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Observers propose."));
        assertThat(proposal.status()).isEqualTo(403);
        assertThat(proposal.json().get("detail").asText()).contains("as an observer");
    }

    @Test
    void theRuleStillLetsTheDraftsReadersUseThePlainPaths() {
        Client kaz = new Client(plenary.queryPort(), "kaz");
        assertThat(kaz.get("/api/drafts/" + draft + "/events?after=0").json()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(kaz.get("/api/drafts/" + draft + "/revisions").json().get(0).get("label").asText()).isEqualTo("Rev.1");
    }
}
