package plenary.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;
import plenary.drafting.DraftEvent;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.participants.AdmitDelegation;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.local.Client;
import plenary.local.Plenary;
import plenary.text.Fold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * History on a 10,000-event draft: the seed communiqué, six delegations, then a seeded random mix of proposals
 * (5 %), brackets (37 %), alternatives (35 %, one in twenty a deletion) and acceptances (23 %), sent through the
 * command side's gateway. Measures, over HTTP on the query side: the text at several versions (median of many),
 * the diff from version 1 to 10,000, verifying the whole record, and rebuilding every read model. Prints BENCH
 * lines; asserts only correctness. Run it with the command in the README.
 */
@Tag("bench")
class HistoryBench {

    static final int EVENTS = Integer.getInteger("bench.events", 10_000);
    static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");
    static final String[][] DELEGATIONS = {{"kaz", "the Republic of Kazakhstan"}, {"kgz", "the Kyrgyz Republic"},
            {"tjk", "the Republic of Tajikistan"}, {"afg", "the Islamic Republic of Afghanistan"},
            {"aze", "the Republic of Azerbaijan"}, {"tur", "the Republic of Turkey"}};

    @Test
    void historyOfATenThousandEventDraft() throws Exception {
        try (Plenary plenary = Plenary.start(DevDatabase.forTests(), 0, 0)) {
            Client auditor = new Client(plenary.queryPort(), "auditor");
            long started = System.nanoTime();
            String draft = new Negotiation(plenary.commandSide().getBean(CommandGateway.class)).run(EVENTS);
            double appended = (System.nanoTime() - started) / 1e9;
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                    auditor.get("/api/drafts/" + draft).json().get("version").asLong() == EVENTS);
            double projected = (System.nanoTime() - started) / 1e9;
            JsonNode current = auditor.get("/api/drafts/" + draft).json();
            System.out.printf("%nBENCH draft of %d events (%d paragraphs, %d open brackets), %d cores%n", EVENTS,
                    current.get("paragraphs").size(), current.findValues("bracketId").size(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("BENCH appended through the gateway in %.1f s (%.0f events/s); projected by %.1f s%n",
                    appended, EVENTS / appended, projected);

            for (int version : new int[]{100, EVENTS / 2, EVENTS / 2 + 99, EVENTS - 1, EVENTS}) {
                String path = "/api/drafts/" + draft + "/text?format=markdown&version=" + version;
                assertThat(auditor.get(path).status()).isEqualTo(200);
                print("text at version " + version, 50, () -> auditor.get(path));
            }
            String documentPath = "/api/drafts/" + draft + "?version=" + (EVENTS - 1);
            print("document JSON at version " + (EVENTS - 1), 50, () -> auditor.get(documentPath));
            foldFromTheStart(auditor, draft);

            String diffPath = "/api/drafts/" + draft + "/diff?from=1&to=" + EVENTS;
            assertThat(auditor.get(diffPath).json().get("paragraphs")).isNotEmpty();
            print("diff 1 -> " + EVENTS + " (JSON)", 5, () -> auditor.get(diffPath));
            print("diff 1 -> " + EVENTS + " (HTML redline)", 5, () -> auditor.get(diffPath + "&format=html"));

            String verifyPath = "/api/drafts/" + draft + "/verify";
            JsonNode verdict = auditor.get(verifyPath).json();
            assertThat(verdict.get("intact").asBoolean()).isTrue();
            assertThat(verdict.get("events").asLong()).isEqualTo(EVENTS);
            print("verify " + EVENTS + " events", 5, () -> auditor.get(verifyPath));

            String before = auditor.get("/api/drafts/" + draft + "/text?version=" + (EVENTS - 1)).body();
            Client secretariat = new Client(plenary.queryPort(), "secretariat");
            long rebuildStarted = System.nanoTime();
            assertThat(secretariat.post("/api/admin/rebuild").status()).isEqualTo(202);
            JsonNode[] progress = new JsonNode[1];
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                progress[0] = secretariat.get("/api/admin/rebuild").json();
                return progress[0].get("state").asText().equals("DONE");
            });
            double rebuilt = (System.nanoTime() - rebuildStarted) / 1e9;
            assertThat(progress[0].get("position").asLong()).isEqualTo(progress[0].get("head").asLong());
            assertThat(progress[0].get("events").asLong()).isEqualTo(EVENTS);
            assertThat(auditor.get("/api/drafts/" + draft + "/text?version=" + (EVENTS - 1)).body()).isEqualTo(before);
            System.out.printf("BENCH rebuild of every read model: %d events in %.1f s, %.0f events/s%n",
                    EVENTS, rebuilt, progress[0].get("eventsPerSecond").asDouble());
        }
    }

    /** What a history without snapshots pays: the shared fold over every event up to the one before last. */
    private static void foldFromTheStart(Client auditor, String draft) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<DraftEvent> events = new ArrayList<>();
        for (JsonNode e : auditor.get("/api/drafts/" + draft + "/events?after=0").json()) {
            events.add((DraftEvent) json.treeToValue(e.get("payload"),
                    Class.forName("plenary.drafting." + e.get("type").asText())));
        }
        List<DraftEvent> upTo = events.subList(0, EVENTS - 1);
        print("fold from version 1 to " + (EVENTS - 1) + ", in memory, no snapshot", 10, () -> Fold.replay(upTo));
    }

    static void print(String what, int runs, Supplier<?> task) {
        for (int i = 0; i < 3; i++) {
            task.get(); // warm up
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.get();
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("BENCH %-52s median %8.1f ms  min %8.1f ms  max %8.1f ms  (%d runs)%n", what,
                micros[runs / 2] / 1000.0, micros[0] / 1000.0, micros[runs - 1] / 1000.0, runs);
    }

    /** The negotiation: a model of the open words and brackets, so that every command is one the rules accept. */
    private record Receipt(long version, String id) {
    }

    static final class Negotiation {

        private record Slot(String paragraphId, String word) {
        }

        private record Open(String bracketId, List<String> alternatives, List<String> texts) {
        }

        private final CommandGateway gateway;
        private final Random random = new Random(42);
        private final List<Slot> words = new ArrayList<>();
        private final List<Open> brackets = new ArrayList<>();
        private final List<Actor> delegations = new ArrayList<>();
        private final Actor chair = Actor.of("chair", Role.CHAIR);
        private String draft;
        private long version;
        private int fresh;

        Negotiation(CommandGateway gateway) {
            this.gateway = gateway;
        }

        String run(int events) throws Exception {
            draft = UUID.randomUUID().toString();
            Actor secretariat = Actor.of("secretariat", Role.SECRETARIAT);
            gateway.sendAndWait(new ImportDraft(draft, Files.readString(SEED), secretariat));
            version = 1;
            for (String[] d : DELEGATIONS) {
                send(new AdmitDelegation(draft, d[0], d[1], Participation.CONFIRMED, secretariat));
                delegations.add(Actor.of(d[0], Role.DELEGATION));
            }
            while (version < events) {
                int roll = random.nextInt(100);
                if (roll < 5 || words.isEmpty()) {
                    propose();
                } else if (roll < 42 || brackets.isEmpty()) {
                    bracket();
                } else if (roll < 77) {
                    alternative();
                } else {
                    accept();
                }
            }
            return draft;
        }

        private void propose() {
            List<String> slot = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slot.add(word());
            }
            Receipt r = send(new ProposeParagraph(draft, Section.OPERATIVE, null,
                    "Parties shall " + String.join(" ", slot) + " across the region.", delegation()));
            slot.forEach(w -> words.add(new Slot(r.id(), w)));
        }

        private void bracket() {
            Slot slot = words.remove(random.nextInt(words.size()));
            List<String> offered = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                offered.add(word());
            }
            Receipt r = send(new BracketText(draft, slot.paragraphId(), slot.word(), 1, offered, "bench", delegation()));
            // ids follow the event's version: b<v>, then a<v>.2 for the words as they stood, a<v>.3 …
            List<String> ids = new ArrayList<>(List.of("a" + r.version() + ".2"));
            List<String> texts = new ArrayList<>(List.of(slot.paragraphId() + " " + slot.word()));
            for (int i = 0; i < offered.size(); i++) {
                ids.add("a" + r.version() + "." + (i + 3));
                texts.add(slot.paragraphId() + " " + offered.get(i));
            }
            brackets.add(new Open(r.id(), ids, texts));
        }

        private void alternative() {
            Open open = brackets.get(random.nextInt(brackets.size()));
            String text = random.nextInt(20) == 0 ? "" : word();
            Receipt r = send(new ProposeAlternative(draft, open.bracketId(), text, delegation()));
            open.alternatives().add(r.id());
            open.texts().add(open.texts().get(0).split(" ")[0] + " " + text);
        }

        private void accept() {
            Open open = brackets.remove(random.nextInt(brackets.size()));
            int chosen = random.nextInt(open.alternatives().size());
            send(new AcceptAlternative(draft, open.bracketId(), open.alternatives().get(chosen), chair));
            String[] accepted = open.texts().get(chosen).split(" ", 2);
            if (accepted.length == 2 && !accepted[1].isEmpty()) {
                words.add(new Slot(accepted[0], accepted[1]));
            }
        }

        /** The aggregate's answer is the command side's own (package-private) record: read its two components. */
        private Receipt send(Object command) {
            Record answer = gateway.sendAndWait(command);
            try {
                var components = answer.getClass().getRecordComponents();
                Map<String, Object> values = new HashMap<>();
                for (var c : components) {
                    c.getAccessor().setAccessible(true);
                    values.put(c.getName(), c.getAccessor().invoke(answer));
                }
                Receipt r = new Receipt((Long) values.get("version"), (String) values.get("id"));
                version = r.version();
                return r;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private Actor delegation() {
            return delegations.get(random.nextInt(delegations.size()));
        }

        private String word() {
            return "w" + fresh++ + "x";
        }
    }
}
