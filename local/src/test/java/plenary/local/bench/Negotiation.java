package plenary.local.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A 10,000-event negotiation sent through the command side's gateway, for {@link RecordBench}: the seed communiqué,
 * six delegations, then a seeded random mix of proposals (5 %), brackets (37 %), alternatives (35 %, one in twenty a
 * deletion) and acceptances (23 %). It keeps a model of the open words and brackets, so that every command is one
 * the rules accept.
 */
final class Negotiation {

    static final Path SEED = Path.of("../text/src/test/resources/corpus/almaty-process-communique-2013.md");
    static final String[][] DELEGATIONS = {{"kaz", "the Republic of Kazakhstan"}, {"kgz", "the Kyrgyz Republic"},
            {"tjk", "the Republic of Tajikistan"}, {"afg", "the Islamic Republic of Afghanistan"},
            {"aze", "the Republic of Azerbaijan"}, {"tur", "the Republic of Turkey"}};

    private record Receipt(long version, String id) {
    }


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
