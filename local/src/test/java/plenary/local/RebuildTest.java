package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the read models from the first event gives back every table exactly as it was built live; it is built
 * aside and switched in, so that readers never see a draft vanish or go back while it runs.
 */
class RebuildTest {

    @Test
    void aRebuildGivesBackEveryProjectionAsItWasBuiltLive() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        // blocks of two events on three threads: the rows of one chunk are made out of order, in parallel
        try (Plenary plenary = Plenary.start(db, 0, 0, "plenary.history.snapshot-every=2", "plenary.rebuild.block=2",
                "plenary.rebuild.threads=3");
             LiveClient live = new LiveClient(plenary.queryPort(), "tjk")) {
            Negotiating negotiating = new Negotiating(plenary);
            String first = negotiating.negotiate(v -> { });
            negotiating.negotiate(v -> { });
            negotiating.negotiate(v -> { });
            Map<String, List<String>> built = Tables.dump(db);
            assertThat(built.get("draft")).hasSize(3);
            assertThat(built.get("draft_event")).hasSize(33);
            assertThat(built.get("draft_snapshot")).hasSize(15);
            assertThat(built.get("history_entry")).hasSize(33);

            Client secretariat = new Client(plenary.queryPort(), "secretariat");
            Client auditor = new Client(plenary.queryPort(), "auditor");
            assertThat(auditor.post("/api/admin/rebuild").status()).isEqualTo(403);
            assertThat(secretariat.get("/api/admin/rebuild").json().get("state").asText()).isEqualTo("IDLE");
            live.subscribe("/topic/drafts." + first);

            Client.Response started = secretariat.post("/api/admin/rebuild");
            assertThat(started.status()).isEqualTo(202);
            assertThat(started.json().get("head").asLong()).isEqualTo(33);
            JsonNode[] progress = new JsonNode[1];
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                progress[0] = secretariat.get("/api/admin/rebuild").json();
                return progress[0].get("state").asText().equals("DONE");
            });
            assertThat(progress[0].get("position").asLong()).isEqualTo(33);
            assertThat(progress[0].get("events").asLong()).isEqualTo(33);
            assertThat(progress[0].get("percent").asInt()).isEqualTo(100);
            assertThat(progress[0].get("eventsPerSecond").asDouble()).isPositive();

            assertThat(Tables.dump(db)).isEqualTo(built);
            assertThat(live.received).as("replaying history tells live clients nothing new").isEmpty();

            // and the projection goes on live from there
            String paragraph = auditor.get("/api/drafts/" + first).json().at("/paragraphs/0/paragraphId").asText();
            new Client(plenary.commandPort(), "kaz").postJson("/api/drafts/" + first + "/paragraphs/" + paragraph
                    + "/brackets", Map.of("quote", "Parties"));
            assertThat(live.next().get("version").asLong()).isEqualTo(12);
        }
    }

    /**
     * Rebuilt aside while a delegation goes on negotiating and an auditor goes on reading: the auditor never sees a
     * draft vanish or go back, the live subscriber gets every change once and in order, and the tables then equal
     * those of a rebuild with nobody writing, which equal those built live (above).
     */
    @Test
    void rebuildingAsideWhileOthersWriteAndReadNeverLosesADraftAndEqualsTheLiveReadModel() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        // chunks of three events, each copied while the next is folded: the build commits many times while the others
        // go on
        try (Plenary plenary = Plenary.start(db, 0, 0, "plenary.history.snapshot-every=2", "plenary.rebuild.chunk=3",
                "plenary.rebuild.block=2");
             LiveClient live = new LiveClient(plenary.queryPort(), "tjk")) {
            Negotiating negotiating = new Negotiating(plenary);
            List<String> drafts = List.of(negotiating.negotiate(v -> { }), negotiating.negotiate(v -> { }),
                    negotiating.negotiate(v -> { }));
            String written = drafts.get(1);
            Client auditor = new Client(plenary.queryPort(), "auditor");
            Client secretariat = new Client(plenary.queryPort(), "secretariat");
            Client kaz = new Client(plenary.commandPort(), "kaz");
            String preamble = null;
            for (JsonNode p : auditor.get("/api/drafts/" + written).json().get("paragraphs")) {
                if (p.get("text").asText().contains("humane way")) {
                    preamble = p.get("paragraphId").asText();
                }
            }
            String recalling = preamble;
            live.subscribe("/topic/drafts." + written);

            AtomicBoolean stop = new AtomicBoolean();
            List<String> wrong = new CopyOnWriteArrayList<>();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                Map<String, Long> seen = new HashMap<>();
                while (!stop.get()) {
                    Map<String, Long> listed = new HashMap<>();
                    auditor.get("/api/drafts").json().forEach(d -> listed.put(d.get("draftId").asText(),
                            d.get("version").asLong()));
                    Client.Response one = auditor.get("/api/drafts/" + written);
                    for (String d : drafts) {
                        Long version = d.equals(written) && one.status() == 200 ? Long.valueOf(one.json().get("version")
                                .asLong()) : listed.get(d);
                        if (version == null || !listed.containsKey(d)) {
                            wrong.add("draft " + d + " vanished");
                        } else if (version < seen.getOrDefault(d, 0L)) {
                            wrong.add("draft " + d + " went back from " + seen.get(d) + " to " + version);
                        } else {
                            seen.put(d, version);
                        }
                    }
                    reads.incrementAndGet();
                }
            });
            AtomicLong lastVersion = new AtomicLong();
            AtomicInteger writes = new AtomicInteger();
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    Client.Response bracket = kaz.postJson("/api/drafts/" + written + "/paragraphs/" + recalling
                            + "/brackets", Map.of("quote", "humane way"));
                    assertThat(bracket.status()).as(bracket.body()).isEqualTo(201);
                    JsonNode withdrawn = kaz.post("/api/drafts/" + written + "/brackets/"
                            + bracket.json().get("bracketId").asText() + "/withdraw").json();
                    lastVersion.set(withdrawn.get("version").asLong());
                    writes.addAndGet(2);
                }
            });
            reader.start();
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() >= 4 && reads.get() >= 2);

            assertThat(secretariat.post("/api/admin/rebuild").status()).isEqualTo(202);
            int writesAtStart = writes.get();
            rebuilt(secretariat);
            int readsAtEnd = reads.get();
            int writesAtEnd = writes.get();
            // and a while after the switch, the projection going on from its own token
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() >= writesAtEnd + 4);
            stop.set(true);
            reader.join();
            writer.join();
            assertThat(writesAtEnd).as("commands were acknowledged while it rebuilt").isGreaterThan(writesAtStart);
            assertThat(readsAtEnd).as("the auditor read while it rebuilt").isGreaterThan(2);
            assertThat(wrong).as("what the auditor saw").isEmpty();

            long last = lastVersion.get();
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    auditor.get("/api/drafts/" + written).json().get("version").asLong() == last);
            List<Long> versions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (JsonNode change; (change = live.received.poll()) != null; ) {
                    versions.add(change.get("version").asLong());
                }
                return !versions.isEmpty() && versions.get(versions.size() - 1) == last;
            });
            for (int i = 1; i < versions.size(); i++) {
                assertThat(versions.get(i)).as("live change %d of %s", i, versions).isEqualTo(versions.get(i - 1) + 1);
            }
            assertThat(versions.get(0)).isEqualTo(12);

            Map<String, List<String>> afterTheSwitch = Tables.dump(db);
            assertThat(afterTheSwitch.get("draft_event")).hasSize((int) (33 + last - 11));
            assertThat(secretariat.post("/api/admin/rebuild").status()).isEqualTo(202);
            rebuilt(secretariat);
            assertThat(Tables.dump(db)).isEqualTo(afterTheSwitch);
        }
    }

    /** Waits until the rebuild is no longer running, and finds it done. */
    private static void rebuilt(Client secretariat) {
        JsonNode[] progress = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            progress[0] = secretariat.get("/api/admin/rebuild").json();
            return !progress[0].get("state").asText().equals("REBUILDING");
        });
        assertThat(progress[0].get("state").asText()).as(progress[0].toString()).isEqualTo("DONE");
    }
}
