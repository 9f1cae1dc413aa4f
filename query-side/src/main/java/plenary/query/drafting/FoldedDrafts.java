package plenary.query.drafting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import plenary.text.Document;

import java.util.Optional;

/**
 * Folded drafts kept in memory, least recently used first out, so that neither the projection's next event nor a
 * reader parses a whole document back from the table. Holds committed documents only: the projection hands a
 * document over once the transaction that stored it has committed. Bounded by the paragraphs it holds
 * ({@code plenary.query.folded-paragraphs}), since a paragraph, not a draft, is what takes memory: a 4,000-paragraph
 * draft weighs as much as three hundred seeds. A draft larger than the bound is not kept.
 */
@Component
class FoldedDrafts {

    private final WeighedLru<String, Document> drafts;

    FoldedDrafts(@Value("${plenary.query.folded-paragraphs:20000}") long capacity) {
        this.drafts = new WeighedLru<>(capacity, document -> document.paragraphs().size() + 1L);
    }

    /** The draft as last committed, if it is held. */
    synchronized Optional<Document> current(String draftId) {
        return Optional.ofNullable(drafts.get(draftId));
    }

    /** Keeps {@code document} unless a later version of the draft is held already. */
    synchronized void keep(Document document) {
        Document held = drafts.get(document.draftId());
        if (held != null && held.version() > document.version()) {
            return;
        }
        if (drafts.weight(document) > drafts.capacity()) {
            drafts.remove(document.draftId()); // too large to keep, and what is held is older
            return;
        }
        drafts.put(document.draftId(), document);
    }

    synchronized void forget() {
        drafts.clear();
    }
}
