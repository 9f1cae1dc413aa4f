package plenary.query.history;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import plenary.drafting.DraftEvent;
import plenary.query.drafting.Negotiation;
import plenary.query.drafting.ProjectionFixture;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.query.drafting.Negotiation.D;

/** The timeline the projection keeps: one line per event in the room's words, with its paragraph, filterable. */
class TimelineTest {

    private final List<DraftEvent> events = Negotiation.events();
    private ProjectionFixture fixture;
    private Timeline timeline;

    @BeforeEach
    void setUp() {
        fixture = new ProjectionFixture(4, db -> List.of(timeline = new Timeline(db)));
        fixture.deliver(events, 0, events.size());
    }

    private List<Timeline.Entry> all() {
        return timeline.entries(D, new Timeline.Filter(null, null, Set.of(), 0, null));
    }

    @Test
    void oneEntryPerEventDescribedInOneLine() {
        List<Timeline.Entry> entries = all();
        assertThat(entries).extracting(Timeline.Entry::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(entries).extracting(Timeline.Entry::description).containsExactly(
                "Secretariat imported 'Ministerial Conference on Refugee Protection and Internatio…' with 13 paragraphs",
                "Secretariat admitted KAZ (the Republic of Kazakhstan)",
                "KAZ bracketed 'manage borders' in PP (v), offering 'secure borders': too narrow",
                "TJK proposed 'control borders' for 'manage borders' in PP (v)",
                "KAZ proposed OP 3: 'Establish a [regional][national] working group on mixed mig…'",
                "TJK bracketed 'twice a year' in OP 3, offering 'once a year' or 'as needed'",
                "Chair accepted 'control borders' in PP (v)",
                "TJK bracketed 'durable solutions for refugees' in PP (vii), offering 'lasting solutions for refugees'",
                "KAZ proposed deleting 'durable solutions for refugees' in PP (vii)",
                "Chair proposed PP (v bis): 'Noting the work of the Almaty Process [support office][secr…'",
                "Chair accepted 'durable solutions for refugees' as it stood in PP (vii)",
                "Chair accepted 'secretariat' in PP (v bis)",
                "Chair accepted 'national' in OP 3",
                "Chair accepted 'as needed' in OP 3",
                "Secretariat finalised the text (SHA-256 " + ((plenary.drafting.procedure.DraftFinalised) events.get(14))
                        .contentHash().substring(0, 12) + "…)");
    }

    @Test
    void eachEntryNamesItsActorTimeAndParagraph() {
        Timeline.Entry bracketed = all().get(2);
        assertThat(bracketed.actor()).isEqualTo(Negotiation.KAZ);
        assertThat(bracketed.timestamp()).isEqualTo(Negotiation.at(2));
        assertThat(bracketed.type()).isEqualTo("TextBracketed");
        assertThat(bracketed.paragraph()).isEqualTo("PP (v)");
        assertThat(bracketed.paragraphId()).isEqualTo(fixture.current(D).paragraphs().stream()
                .filter(p -> "v".equals(p.number())).findFirst().orElseThrow().id());
        // admitting KAZ links its name in the opening paragraph: that is the paragraph it touched
        assertThat(all().get(1).paragraph()).isEqualTo("PP (i)");
        assertThat(all().get(0).paragraphId()).as("an import touches every paragraph: none in particular").isNull();
    }

    @Test
    void filtersByDelegationParagraphKindAndVersion() {
        assertThat(timeline.entries(D, new Timeline.Filter("KAZ", null, Set.of(), 0, null)))
                .extracting(Timeline.Entry::version).containsExactly(3L, 5L, 9L);
        String ppV = all().get(2).paragraphId();
        assertThat(timeline.entries(D, new Timeline.Filter(null, ppV, Set.of(), 0, null)))
                .extracting(Timeline.Entry::version).containsExactly(3L, 4L, 7L);
        assertThat(timeline.entries(D, new Timeline.Filter(null, null, Set.of("TextBracketed", "AlternativeProposed"),
                0, null))).extracting(Timeline.Entry::version).containsExactly(3L, 4L, 6L, 8L, 9L);
        assertThat(timeline.entries(D, new Timeline.Filter("tjk", null, Set.of("TextBracketed"), 6, 1)))
                .extracting(Timeline.Entry::version).containsExactly(8L);
        assertThat(timeline.entries("no-such-draft", new Timeline.Filter(null, null, Set.of(), 0, null))).isEmpty();
    }

    @Test
    void resettingEmptiesTheTimelineAndReplayingWritesItAgain() {
        List<Timeline.Entry> before = all();
        fixture.reset();
        assertThat(all()).isEmpty();
        fixture.deliver(events, 0, events.size());
        assertThat(all()).isEqualTo(before);
    }
}
