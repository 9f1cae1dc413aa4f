package plenary.query.drafting;

import plenary.text.Document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents the projection folded last, so that a draft's next event does not first read and parse its whole
 * document back from the table. A document is taken from here only as the predecessor of the very next version:
 * what a draft says at a version is what the fold says, whoever folded it. The projection forgets everything when
 * a unit of work rolls back, since what it folded may then never have been recorded.
 */
final class RecentDocuments {

    private final Map<String, Document> documents;

    RecentDocuments(int capacity) {
        documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The draft's document at {@code version - 1}, if that is the one folded last. */
    synchronized Optional<Document> before(String draftId, long version) {
        Document document = documents.get(draftId);
        return document != null && document.version() == version - 1 ? Optional.of(document) : Optional.empty();
    }

    synchronized void folded(Document document) {
        documents.put(document.draftId(), document);
    }

    synchronized void forget() {
        documents.clear();
    }
}
