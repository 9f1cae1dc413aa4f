package plenary.query.history;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.drafting.DraftEvent;
import plenary.query.drafting.Negotiation;
import plenary.query.drafting.ProjectionFixture;
import plenary.query.drafting.Selector;
import plenary.text.Document;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static plenary.query.drafting.Negotiation.D;

/** Differences between two versions: paragraph by paragraph, word by word, each with who made it when one event did. */
class DraftDiffTest {

    private static final List<DraftEvent> EVENTS = Negotiation.events();
    private static ProjectionFixture fixture;

    @BeforeAll
    static void negotiate() {
        fixture = new ProjectionFixture(4, db -> List.of());
        fixture.deliver(EVENTS, 0, EVENTS.size());
    }

    private static DraftDiff diff(int from, int to) {
        Document a = fixture.documents.document(D, Selector.of(String.valueOf(from), null, null));
        Document b = fixture.documents.document(D, Selector.of(String.valueOf(to), null, null));
        return DraftDiff.between(fixture.documents, a, b);
    }

    private static DraftDiff.ParagraphChange paragraph(DraftDiff diff, String label) {
        return diff.paragraphs().stream().filter(p -> label.equals(p.paragraph())).findFirst().orElseThrow();
    }

    @Test
    void oneBracketIsOneChangeByItsDelegation() {
        DraftDiff diff = diff(2, 3).changesOnly();

        assertThat(diff.from().version()).isEqualTo(2);
        assertThat(diff.to().version()).isEqualTo(3);
        assertThat(diff.paragraphs()).singleElement().satisfies(p -> {
            assertThat(p.paragraph()).isEqualTo("PP (v)");
            assertThat(p.change()).isEqualTo(DraftDiff.Change.CHANGED);
            assertThat(p.changedBy()).containsExactly(new Blame.By(3, Negotiation.KAZ));
            assertThat(p.segments()).extracting(DraftDiff.Segment::op, DraftDiff.Segment::text).containsSubsequence(
                    org.assertj.core.groups.Tuple.tuple(DraftDiff.Op.INSERT, "["),
                    org.assertj.core.groups.Tuple.tuple(DraftDiff.Op.EQUAL, "manage borders"),
                    org.assertj.core.groups.Tuple.tuple(DraftDiff.Op.INSERT, "][secure borders]"));
            assertThat(p.segments()).filteredOn(s -> s.op() != DraftDiff.Op.EQUAL)
                    .allSatisfy(s -> assertThat(s.by()).isEqualTo(new Blame.By(3, Negotiation.KAZ)));
        });
    }

    @Test
    void wordsAreCreditedToTheEventThatWroteThemAcrossManyEvents() {
        // v2 → v7: KAZ brackets, TJK adds an alternative, the chair accepts it; KAZ proposes OP 3 and TJK brackets in it
        DraftDiff diff = diff(2, 7).changesOnly();

        DraftDiff.ParagraphChange v = paragraph(diff, "PP (v)");
        assertThat(v.changedBy()).extracting(Blame.By::version).containsExactly(3L, 4L, 7L);
        assertThat(v.segments()).filteredOn(s -> s.op() == DraftDiff.Op.DELETE).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("manage");
            assertThat(s.by()).as("the acceptance took the old words out").isEqualTo(new Blame.By(7, Negotiation.CHAIR));
        });
        assertThat(v.segments()).filteredOn(s -> s.op() == DraftDiff.Op.INSERT).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("control");
            assertThat(s.by()).as("TJK wrote the words that were accepted").isEqualTo(new Blame.By(4, Negotiation.TJK));
        });

        DraftDiff.ParagraphChange op3 = paragraph(diff, "OP 3");
        assertThat(op3.change()).isEqualTo(DraftDiff.Change.ADDED);
        assertThat(op3.before()).isNull();
        assertThat(op3.after()).isEqualTo("Establish a [regional][national] working group on mixed migration, "
                + "meeting [twice a year][once a year][as needed].");
        // the paragraph's words came from two events: no single one explains all of it
        assertThat(op3.segments()).singleElement().satisfies(s -> {
            assertThat(s.op()).isEqualTo(DraftDiff.Op.INSERT);
            assertThat(s.by()).isNull();
        });
        assertThat(op3.changedBy()).extracting(Blame.By::version).containsExactly(5L, 6L);
    }

    @Test
    void aChangeUndoneInBetweenIsNoChange() {
        // TJK brackets words in PP (vii) (v8), KAZ proposes deleting them (v9), the chair keeps them (v11)
        DraftDiff diff = diff(7, 11);
        assertThat(paragraph(diff, "PP (vii)").change()).isEqualTo(DraftDiff.Change.UNCHANGED);
        assertThat(diff.changesOnly().paragraphs()).extracting(DraftDiff.ParagraphChange::paragraph)
                .containsExactly("PP (v bis)");
        assertThat(paragraph(diff, "PP (v bis)").change()).isEqualTo(DraftDiff.Change.ADDED);
        assertThat(paragraph(diff, "PP (v bis)").segments().get(0).by()).isEqualTo(new Blame.By(10, Negotiation.CHAIR));
    }

    @Test
    void theWholeHistoryInOrderAndAsARedline() {
        DraftDiff diff = diff(1, EVENTS.size());
        Document last = fixture.current(D);
        assertThat(diff.paragraphs()).extracting(DraftDiff.ParagraphChange::paragraphId)
                .containsExactlyElementsOf(last.paragraphs().stream().map(plenary.text.Paragraph::id).toList());
        // admitting KAZ linked its name in PP (i), which still reads the same: no change to show
        assertThat(diff.changesOnly().paragraphs()).extracting(DraftDiff.ParagraphChange::paragraph)
                .containsExactly("PP (v)", "PP (v bis)", "OP 3");

        String html = Redline.html(diff, "Almaty Process/03/01/2013");
        assertThat(html).contains("<h1>Almaty Process/03/01/2013</h1>")
                .contains("<del title=\"Chair, version 7\">manage</del><ins title=\"TJK, version 4\">control</ins>")
                .contains("<p id=\"" + paragraph(diff, "OP 3").paragraphId() + "\"><span class=\"number\">OP 3</span>"
                        + "<ins>Establish a national working group on mixed migration, meeting as needed.</ins></p>")
                .doesNotContain("<script");
    }
}
