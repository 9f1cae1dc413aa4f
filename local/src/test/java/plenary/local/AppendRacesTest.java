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
}
