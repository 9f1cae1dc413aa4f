package plenary.query.drafting;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import plenary.drafting.DraftEvent;
import plenary.text.Document;
import plenary.text.Fold;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.query.drafting.Negotiation.D;

/**
 * A historic version is byte for byte what the current-text endpoints answered when the draft stood at that
 * version, whatever the snapshot cadence; and it is rebuilt from the nearest snapshot, not from the first event.
 */
class HistoricVersionsTest {

    private final List<DraftEvent> events = Negotiation.events();

    @ParameterizedTest(name = "a snapshot every {0} events")
    @ValueSource(ints = {1, 4, 1000})
    void everyVersionReadsAsItDidWhenItWasCurrent(int every) {
        ProjectionFixture fixture = new ProjectionFixture(every, db -> List.of());
        List<String> json = new ArrayList<>();
        List<String> markdown = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            fixture.deliver(events, i, i + 1);
            Document current = fixture.documents.document(D, Selector.CURRENT);
            json.add(fixture.documentJson(current));
            markdown.add(ProjectionFixture.markdown(current));
        }

        for (int v = 1; v <= events.size(); v++) {
            Document then = fixture.documents.document(D, Selector.of(String.valueOf(v), null, null));
            assertThat(then.version()).isEqualTo(v);
            assertThat(fixture.documentJson(then)).as("JSON at version %d", v).isEqualTo(json.get(v - 1));
            assertThat(ProjectionFixture.markdown(then)).as("Markdown at version %d", v).isEqualTo(markdown.get(v - 1));
        }
        // an instant between two events selects the earlier one
        Document atInstant = fixture.documents.document(D,
                Selector.of(null, Negotiation.at(6).plusSeconds(30).toString(), null));
        assertThat(fixture.documentJson(atInstant)).isEqualTo(json.get(6));
    }

    @Test
    void snapshotsAreTakenEveryKEventsAndHistoryStartsFromTheNearest() {
        ProjectionFixture fixture = new ProjectionFixture(4, db -> List.of());
        fixture.deliver(events, 0, events.size());
        assertThat(fixture.db.sql("SELECT version FROM draft_snapshot WHERE draft_id = ? ORDER BY version")
                .param(D).query(Long.class).list())
                .containsExactlyElementsOf(multiplesOf(4, events.size()));

        // version 9 is snapshot 8 and the event after it; version 6 snapshot 4 and two events: the store is read
        // from the event after the snapshot (sequence number 8 is version 9)
        assertThat(fixture.documents.document(D, Selector.of("9", null, null)).version()).isEqualTo(9);
        assertThat(fixture.documents.document(D, Selector.of("6", null, null)).version()).isEqualTo(6);
        assertThat(fixture.readsFrom).containsExactly(8L, 4L);

        // the events from one snapshot to the next are kept, read once: the neighbouring versions read nothing more
        String seven = fixture.documentJson(fixture.documents.document(D, Selector.of("7", null, null)));
        assertThat(fixture.documents.document(D, Selector.of("10", null, null)).version()).isEqualTo(10);
        assertThat(fixture.readsFrom).containsExactly(8L, 4L);
        assertThat(seven).isEqualTo(fixture.documentJson(Fold.replay(events.subList(0, 7))));
    }

    @Test
    void resettingForgetsTheSnapshots() {
        ProjectionFixture fixture = new ProjectionFixture(2, db -> List.of());
        fixture.deliver(events, 0, 6);
        fixture.reset();
        assertThat(fixture.db.sql("SELECT count(*) FROM draft_snapshot").query(Long.class).single()).isZero();
    }

    private static List<Long> multiplesOf(int k, int upTo) {
        List<Long> versions = new ArrayList<>();
        for (long v = k; v <= upTo; v += k) {
            versions.add(v);
        }
        return versions;
    }
}
