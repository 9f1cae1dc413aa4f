package plenary.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side nodes on one draft: delegations writing at once, each alternating between the nodes, with and
 * without Idempotency-Key. Every command is carried out and recorded once; none is refused for a conflict that its
 * client did not cause (before AppendRaces, the node whose cached draft was stale answered 409).
 */
class AppendRacesTest {

    static DevDatabase db;
    static Plenary plenary;
    static ConfigurableApplicationContext secondCommandNode;
    static int portB;

    @BeforeAll
    static void start() {
        db = DevDatabase.forTests();
        plenary = Plenary.start(db, 0, 0);
        secondCommandNode = Plenary.startSide(true, db, 0, "--plenary.identity.token-key=" + Plenary.newKey());
        portB = ((WebServerApplicationContext) secondCommandNode).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        secondCommandNode.close();
        plenary.close();
    }

    @Test
    void writersOnTwoNodesNeverSeeAConflictTheyDidNotCause() throws Exception {
        String draft = new Drafts(plenary).seed("kaz", "tur", "tjk", "kgz");
        List<String> writers = List.of("kaz", "tur", "tjk", "kgz");
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        List<Future<List<Integer>>> statuses = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            String writer = writers.get(w);
            int offset = w;
            statuses.add(pool.submit((Callable<List<Integer>>) () -> {
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Client client = new Client((i + offset) % 2 == 0 ? plenary.commandPort() : portB, writer);
                    if (i % 2 == 0) {
                        client = client.with("Idempotency-Key", UUID.randomUUID().toString());
                    }
                    got.add(client.postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "OPERATIVE",
                            "text", "Parties shall meet, says " + writer + " for the " + i + "th time.")).status());
                }
                return got;
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> s : statuses) {
            all.addAll(s.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(writers.size() * each).allMatch(status -> status == 201 || status == 200);

        // each recorded once: the import, four admissions and every paragraph
        Client auditor = new Client(plenary.queryPort(), "auditor");
        long version = 1 + writers.size() + (long) writers.size() * each;
        new Drafts(plenary).awaitVersion(draft, version);
        assertThat(auditor.get("/api/drafts/" + draft + "/events?after=0").json()).hasSize((int) version);
        Client.Response verified = auditor.get("/api/drafts/" + draft + "/verify");
        assertThat(verified.json().get("intact").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.json().get("version").asLong()).isEqualTo(version);
    }

    /**
     * A node whose draft in memory is behind (the other node recorded many commands since) catches it up with just
     * what it missed: its next command sees the current draft, so an If-Match of the current version is carried out
     * and lands after everything the other node recorded, while an If-Match of an old version is still refused.
     */
    @Test
    void aNodeBehindSeesTheCurrentDraft() throws Exception {
        String draft = new Drafts(plenary).seed("kaz");
        String paragraphs = "/api/drafts/" + draft + "/paragraphs";
        Client.Response first = new Client(portB, "kaz").postJson(paragraphs,
                Map.of("section", "OPERATIVE", "text", "Node B holds the draft in memory."));
        assertThat(first.status()).isEqualTo(201);
        long version = first.json().get("version").asLong();
        Client onA = new Client(plenary.commandPort(), "kaz");
        for (int i = 0; i < 30; i++) {
            Client.Response r = onA.with("If-Match", "\"" + version + "\"").postJson(paragraphs,
                    Map.of("section", "OPERATIVE", "text", "Node A records paragraph " + i + "."));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            version = r.json().get("version").asLong();
        }

        Client.Response stale = new Client(portB, "kaz").with("If-Match", "\"" + (version - 3) + "\"")
                .postJson(paragraphs, Map.of("section", "OPERATIVE", "text", "An old version of the draft."));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Client.Response current = new Client(portB, "kaz").with("If-Match", "\"" + version + "\"")
                .postJson(paragraphs, Map.of("section", "OPERATIVE", "text", "Node B after node A."));
        assertThat(current.status()).as(current.body()).isEqualTo(201);
        assertThat(current.json().get("version").asLong()).isEqualTo(version + 1);

        // the text as node B made it holds every paragraph node A recorded, B's own last
        com.fasterxml.jackson.databind.JsonNode document = new Drafts(plenary).awaitVersion(draft, version + 1);
        List<String> texts = new ArrayList<>();
        document.get("paragraphs").forEach(p -> texts.add(p.get("text").asText()));
        assertThat(texts).contains("Node B holds the draft in memory.", "Node A records paragraph 0.",
                "Node A records paragraph 29.").doesNotContain("An old version of the draft.");
        assertThat(texts.indexOf("Node B after node A.")).isGreaterThan(texts.indexOf("Node A records paragraph 29."));
        assertThat(texts.stream().filter(t -> t.startsWith("Node A records")).count()).isEqualTo(30);
        assertThat(new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft + "/verify").json()
                .get("intact").asBoolean()).isTrue();
    }
}
