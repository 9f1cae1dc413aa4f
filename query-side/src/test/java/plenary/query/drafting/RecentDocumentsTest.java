package plenary.query.drafting;

import org.junit.jupiter.api.Test;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Header;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentDocumentsTest {

    private static Document draft(String id, long version) {
        return new Document(id, version, DraftStatus.ZERO_DRAFT, new Header("R", null, null, "T", null, "Declaration"),
                List.of(), List.of(), List.of(), List.of(), null, null);
    }

    @Test
    void aDocumentServesOnlyAsThePredecessorOfTheNextVersion() {
        RecentDocuments recent = new RecentDocuments(2);
        recent.folded(draft("d1", 3));

        assertThat(recent.before("d1", 4)).contains(draft("d1", 3));
        assertThat(recent.before("d1", 3)).as("a redelivery reads the table").isEmpty();
        assertThat(recent.before("d1", 6)).as("another node folded in between").isEmpty();
        assertThat(recent.before("d2", 1)).isEmpty();
    }

    @Test
    void itKeepsTheMostRecentlyUsedDraftsAndForgetsAllOnRequest() {
        RecentDocuments recent = new RecentDocuments(2);
        recent.folded(draft("d1", 1));
        recent.folded(draft("d2", 1));
        recent.before("d1", 2);
        recent.folded(draft("d3", 1));

        assertThat(recent.before("d2", 2)).as("the least recently used goes").isEmpty();
        assertThat(recent.before("d1", 2)).isPresent();
        recent.forget();
        assertThat(recent.before("d1", 2)).isEmpty();
    }
}
