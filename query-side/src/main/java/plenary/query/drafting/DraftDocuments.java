package plenary.query.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;
import plenary.text.Document;
import plenary.text.Fold;
import plenary.text.Revision;

import java.util.NoSuchElementException;

/**
 * The documents of a draft, current or historic, for every reader of the query side (the JSON document, the
 * exports, history). A historic version is folded again from the draft's recorded events with the same fold.
 */
@Component
public class DraftDocuments {

    private final DraftTable table;
    private final ObjectMapper json;

    DraftDocuments(DraftTable table, ObjectMapper json) {
        this.table = table;
        this.json = json;
    }

    /** @throws UnknownDraft when there is no such draft, or it had not reached the state asked for */
    public Document document(String draftId, Selector selector) {
        Document current = table.document(draftId).orElseThrow(() -> new UnknownDraft("there is no draft " + draftId));
        if (selector.current()) {
            return current;
        }
        long version;
        if (selector.revision() != null) {
            version = current.revision(selector.revision()).map(Revision::version).orElseThrow(() ->
                    new UnknownDraft("draft " + draftId + " has no revision " + selector.revision()));
        } else if (selector.version() != null) {
            version = selector.version();
        } else {
            version = table.versionAt(draftId, selector.at()).orElseThrow(() ->
                    new UnknownDraft("draft " + draftId + " did not exist yet at " + selector.at()));
        }
        if (version > current.version()) {
            throw new UnknownDraft("draft " + draftId + " has " + current.version() + " versions, not " + version);
        }
        if (version == current.version()) {
            return current;
        }
        Document doc = null;
        for (DraftTable.RecordedEvent e : table.eventsUpTo(draftId, version)) {
            doc = Fold.apply(doc, event(e));
        }
        return doc;
    }

    private DraftEvent event(DraftTable.RecordedEvent recorded) {
        try {
            Class<?> type = Class.forName("plenary.drafting." + recorded.type());
            return (DraftEvent) json.treeToValue(recorded.payload(), type);
        } catch (ClassNotFoundException | JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("unreadable event " + recorded.version() + " (" + recorded.type() + ")", e);
        }
    }

    /** Asked for a draft, or a state of it, that does not exist: 404. */
    public static final class UnknownDraft extends NoSuchElementException {
        public UnknownDraft(String message) {
            super(message);
        }
    }
}
