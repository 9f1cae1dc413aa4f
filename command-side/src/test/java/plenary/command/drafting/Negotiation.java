package plenary.command.drafting;

import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import plenary.command.input.Limits;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.Wording;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.text.Document;
import plenary.text.Fold;

import java.util.ArrayList;
import java.util.List;

import static plenary.drafting.Participation.CONFIRMED;
import static plenary.drafting.Section.OPERATIVE;
import static plenary.drafting.Section.PREAMBLE;

/**
 * The negotiation the fixture tests of issue 3 start from, and one actor per role. Ids follow IdAllocator: the
 * event at version v allocates p&lt;v&gt;, b&lt;v&gt;, a&lt;v&gt;.2 …, so the first command after {@link #HISTORY}
 * (version 7) allocates ids of version 8.
 */
final class Negotiation {

    static final String DRAFT = "d1";
    static final Actor SECRETARIAT = Actor.of("secretariat", Role.SECRETARIAT);
    static final Actor CHAIR = Actor.of("chair", Role.CHAIR);
    static final Actor KAZ = Actor.of("kaz", Role.DELEGATION);
    static final Actor KGZ = Actor.of("kgz", Role.DELEGATION);
    static final Actor TJK = Actor.of("tjk", Role.DELEGATION); // never admitted
    static final Actor AUDITOR = Actor.of("auditor", Role.AUDITOR);
    static final Actor OBSERVER = Actor.of("observer", Role.OBSERVER);

    static final DraftCreated CREATED =
            new DraftCreated(DRAFT, "TEST/1", "A Test Communiqué", "Communiqué", null, null, SECRETARIAT); // v1
    static final DelegationAdmitted KAZ_ADMITTED =
            new DelegationAdmitted(DRAFT, "t2", "kaz", "the Republic of Kazakhstan", CONFIRMED, SECRETARIAT); // v2
    static final DelegationAdmitted KGZ_ADMITTED =
            new DelegationAdmitted(DRAFT, "t3", "kgz", "the Kyrgyz Republic", CONFIRMED, SECRETARIAT); // v3
    static final ParagraphProposed PP1 = new ParagraphProposed(DRAFT, "p4", PREAMBLE, null, "i",
            List.of(new Wording.Emphasis(text("Recalling")), new Wording.Text(" the Almaty Declaration,")), KAZ); // v4
    static final ParagraphProposed OP1 = new ParagraphProposed(DRAFT, "p5", OPERATIVE, null, "1",
            text("Develop and strengthen the Almaty Process"), KAZ); // v5
    static final ParagraphProposed OP2 = new ParagraphProposed(DRAFT, "p6", OPERATIVE, null, "2",
            text("Endorse the Operating Modalities"), KAZ); // v6
    /** v7: "1. Develop [and strengthen][and enhance] the Almaty Process", raised by KAZ. */
    static final TextBracketed BRACKETED = new TextBracketed(DRAFT, "p5", "b7", "and strengthen", 1, "a7.2",
            List.of(new Wording.Alternative("a7.3", "KAZ", text("and enhance"))), null, KAZ);

    /** Versions 1 to 7: two admitted delegations, one preambular and two operative paragraphs, one open bracket. */
    static final List<DraftEvent> HISTORY = List.of(CREATED, KAZ_ADMITTED, KGZ_ADMITTED, PP1, OP1, OP2, BRACKETED);

    static FixtureConfiguration<Draft> fixture() {
        FixtureConfiguration<Draft> fixture = new AggregateTestFixture<>(Draft.class);
        fixture.registerInjectableResource(Limits.DEFAULTS);
        // production resolves the target through the "draftTargetResolver" bean, which the fixture does not see
        fixture.registerCommandTargetResolver(
                command -> new VersionedAggregateIdentifier(((DraftCommand) command.getPayload()).draftId(), null));
        return fixture;
    }

    static List<Wording> text(String text) {
        return List.of(new Wording.Text(text));
    }

    /** The history followed by more events. */
    static List<DraftEvent> history(DraftEvent... more) {
        List<DraftEvent> events = new ArrayList<>(HISTORY);
        events.addAll(List.of(more));
        return events;
    }

    static Document folded(List<DraftEvent> events) {
        return Fold.replay(events);
    }

    private Negotiation() {
    }
}
