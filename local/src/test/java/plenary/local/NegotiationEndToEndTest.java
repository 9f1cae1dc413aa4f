package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation's story, told over HTTP and STOMP exactly as clients would: the secretariat imports the seed,
 * KAZ brackets a phrase and TUR sees it live, the chair accepts the text, the secretariat finalises, and the
 * record shows every event with its actor and version.
 */
class NegotiationEndToEndTest {

    static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");

    static Plenary plenary;
    static Client secretariat, chair, kaz, tur, auditor;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        secretariat = new Client(plenary.commandPort(), "secretariat");
        chair = new Client(plenary.commandPort(), "chair");
        kaz = new Client(plenary.commandPort(), "kaz");
        tur = new Client(plenary.queryPort(), "tur");
        auditor = new Client(plenary.queryPort(), "auditor");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void aDraftIsImportedBracketedSeenLiveAcceptedFinalisedAndAudited() throws Exception {
        // 1. the secretariat imports the seed
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", Files.readString(SEED));
        assertThat(imported.status()).isEqualTo(201);
        String draft = imported.json().get("draftId").asText();
        assertThat(secretariat.postJson("/api/drafts/" + draft + "/delegations",
                Map.of("code", "kaz", "name", "the Republic of Kazakhstan", "participation", "CONFIRMED")).status())
                .isEqualTo(200);
        long version = secretariat.postJson("/api/drafts/" + draft + "/delegations",
                Map.of("code", "tur", "name", "the Republic of Turkey", "participation", "CONFIRMED"))
                .json().get("version").asLong();
        assertThat(version).isEqualTo(3);
        JsonNode document = awaitVersion(draft, version);

        // 2. the import keeps Iran pending, in brackets: quoting it as if it stood bare is refused
        String opening = paragraph(document, "i").get("paragraphId").asText();
        Client.Response pendingName = kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + opening + "/brackets",
                Map.of("quote", "the Islamic Republic of Iran"));
        assertThat(pendingName.status()).isEqualTo(409);
        assertThat(pendingName.json().at("/paragraph/text").asText()).contains("[the Islamic Republic of Iran]");

        try (LiveClient live = new LiveClient(plenary.queryPort(), "tur")) {
            live.subscribe("/topic/drafts." + draft);

            // 3. KAZ brackets a phrase and offers an alternative; TUR receives the new version live
            String pv = paragraph(document, "v").get("paragraphId").asText();
            Client.Response bracketed = kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + pv + "/brackets",
                    Map.of("quote", "manage borders", "alternatives", List.of("secure borders")));
            assertThat(bracketed.status()).isEqualTo(201);
            String bracket = bracketed.json().get("bracketId").asText();
            long bracketVersion = bracketed.json().get("version").asLong();
            assertThat(bracketVersion).isEqualTo(4);

            JsonNode change = live.next();
            assertThat(change.get("draftId").asText()).isEqualTo(draft);
            assertThat(change.get("version").asLong()).isEqualTo(bracketVersion);
            assertThat(change.get("type").asText()).isEqualTo("TextBracketed");
            assertThat(change.at("/actor/delegation").asText()).isEqualTo("kaz");
            assertThat(change.at("/paragraphs/0/text").asText()).contains("[manage borders][secure borders]");

            // 4. a delegation may not finalise
            Client.Response byKaz = kaz.post("/api/drafts/" + draft + "/finalise");
            assertThat(byKaz.status()).isEqualTo(403);
            assertThat(byKaz.contentType()).startsWith("application/problem+json");

            // 5. the secretariat may not finalise while the bracket is open, and is told which one
            Client.Response early = secretariat.post("/api/drafts/" + draft + "/finalise");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().at("/openBrackets/0/bracketId").asText()).isEqualTo(bracket);

            // 6. the chair accepts the original words
            String original = awaitVersion(draft, bracketVersion).findValues("brackets").stream()
                    .filter(b -> b.size() > 0).findFirst().orElseThrow().get(0).at("/alternatives/0/alternativeId")
                    .asText();
            assertThat(chair.postJson("/api/drafts/" + draft + "/brackets/" + bracket + "/accept",
                    Map.of("alternativeId", original)).json().get("version").asLong()).isEqualTo(5);
            assertThat(live.next().get("version").asLong()).isEqualTo(5);

            // 7. the secretariat finalises; the hash is that of the text the query side exports
            Client.Response finalised = secretariat.post("/api/drafts/" + draft + "/finalise");
            assertThat(finalised.status()).isEqualTo(200);
            assertThat(finalised.json().get("version").asLong()).isEqualTo(6);
            JsonNode last = live.next();
            assertThat(last.get("version").asLong()).isEqualTo(6);
            assertThat(last.get("status").asText()).isEqualTo("FINAL");
            String exported = tur.get("/api/drafts/" + draft + "/text?format=markdown").body();
            assertThat(finalised.json().get("contentHash").asText()).isEqualTo(sha256(exported));
            assertThat(normalise(exported)).isEqualTo(normalise(Files.readString(SEED)));
        }

        // 8. nothing changes a final text
        Client.Response after = kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + opening + "/brackets",
                Map.of("quote", "Almaty"));
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.contentType()).startsWith("application/problem+json");

        // 9. the record: every event, in order, with its actor and version
        JsonNode events = auditor.get("/api/drafts/" + draft + "/events?after=0").json();
        List<String> record = new ArrayList<>();
        for (JsonNode e : events) {
            record.add(e.get("version").asLong() + " " + e.get("type").asText() + " " + e.at("/actor/user").asText());
        }
        assertThat(record).containsExactly(
                "1 DraftImported secretariat",
                "2 DelegationAdmitted secretariat",
                "3 DelegationAdmitted secretariat",
                "4 TextBracketed kaz",
                "5 AlternativeAccepted chair",
                "6 DraftFinalised secretariat");
        assertThat(events.get(3).at("/actor/role").asText()).isEqualTo("DELEGATION");
        assertThat(events.get(3).get("timestamp").asText()).isNotBlank();
        assertThat(auditor.get("/api/drafts/" + draft + "/events?after=4").json()).hasSize(2);

        // 10. and the text as it stood at any version
        assertThat(auditor.get("/api/drafts/" + draft + "/text?format=markdown&version=4").body())
                .contains("[manage borders][secure borders]");
        assertThat(auditor.get("/api/drafts/" + draft + "?version=4").json().get("version").asLong()).isEqualTo(4);
        assertThat(auditor.get("/api/drafts/" + draft + "?version=7").status()).isEqualTo(404);
        assertThat(auditor.get("/api/drafts/" + draft + "?version=x").status()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        String draft = secretariat.post("/api/drafts/import", "text/markdown", "1. Parties shall act.\n")
                .json().get("draftId").asText();

        Client.Response malformed = secretariat.post("/api/drafts/" + draft + "/delegations", "application/json", "{bad");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Client.Response unknownDraft = chair.postJson("/api/drafts/no-such-draft/brackets/b1/accept",
                Map.of("alternativeId", "a1"));
        assertThat(unknownDraft.status()).isEqualTo(404);

        Client.Response unknownParagraph = chair.postJson("/api/drafts/" + draft + "/paragraphs/p99/brackets",
                Map.of("quote", "shall"));
        assertThat(unknownParagraph.status()).isEqualTo(404);

        Client.Response wrongRole = kaz.postJson("/api/drafts", Map.of("reference", "X", "title", "T", "kind", "communique"));
        assertThat(wrongRole.status()).isEqualTo(403);

        Client.Response notAdmitted = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties agree."));
        assertThat(notAdmitted.status()).isEqualTo(403);

        Client.Response noCredentials = new Client(plenary.commandPort(), "nobody").post("/api/drafts/" + draft + "/finalise");
        assertThat(noCredentials.status()).isEqualTo(401);

        assertThat(awaitVersion(draft, 1).get("version").asLong()).isEqualTo(1);
        assertThat(auditor.get("/api/drafts/" + draft + "/events?after=0").json()).hasSize(1);
        assertThat(auditor.get("/api/drafts/no-such-draft").status()).isEqualTo(404);
    }

    @Test
    void anObserverReadsTheCurrentTextButNotTheRecord() {
        String draft = secretariat.post("/api/drafts/import", "text/markdown", "1. Parties shall act.\n")
                .json().get("draftId").asText();
        awaitVersion(draft, 1);
        Client observer = new Client(plenary.queryPort(), "observer");

        assertThat(observer.get("/api/drafts/" + draft).status()).isEqualTo(200);
        assertThat(observer.get("/api/drafts/" + draft + "/text?format=markdown").body()).contains("Parties shall act.");
        for (String path : List.of("/events?after=0", "/history", "/diff?from=1&to=1", "/verify", "/revisions",
                "?version=1", "/text?format=markdown&version=1")) {
            Client.Response refused = observer.get("/api/drafts/" + draft + path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(auditor.get("/api/drafts/" + draft + "?version=1").status()).isEqualTo(200);
    }

    static JsonNode awaitVersion(String draft, long version) {
        return awaitVersionWith(auditor, draft, version);
    }

    static JsonNode awaitVersionWith(Client auditor, String draft, long version) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Client.Response r = auditor.get("/api/drafts/" + draft);
            seen[0] = r.status() == 200 ? r.json() : null;
            return seen[0] != null && seen[0].get("version").asLong() >= version;
        });
        return seen[0];
    }

    static JsonNode paragraph(JsonNode document, String number) {
        for (JsonNode p : document.get("paragraphs")) {
            if (number.equals(p.get("number").asText())) {
                return p;
            }
        }
        throw new AssertionError("no paragraph " + number);
    }

    static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
