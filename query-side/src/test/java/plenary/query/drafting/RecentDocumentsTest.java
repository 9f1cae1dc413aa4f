package plenary.query.drafting;

import org.junit.jupiter.api.Test;
import plenary.text.Document;
import plenary.text.Header;


import static org.assertj.core.api.Assertions.assertThat;

class RecentDocumentsTest {

    private static Document draft(String id, long version) {
        return Document.empty(id, new Header("R", null, null, "T", null, "Declaration")).withVersion(version);
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
