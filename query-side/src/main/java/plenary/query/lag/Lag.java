package plenary.query.lag;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import plenary.query.drafting.DraftDocuments;

/** How far a draft's read model is behind its record: the record's version from the event store, against the read model's. */
@Component
class Lag {

    record State(long readModel, long record) {
        long behind() {
            return Math.max(0, record - readModel);
        }
    }

    private final EventStorageEngine storage;
    private final DraftDocuments documents;

    Lag(EventStorageEngine storage, DraftDocuments documents) {
        this.storage = storage;
        this.documents = documents;
    }

    State of(String draftId) {
        long record = storage.lastSequenceNumberFor(draftId).map(n -> n + 1).orElse(0L);
        long readModel;
        try {
            readModel = record == 0 ? 0 : documents.version(draftId);
        } catch (DraftDocuments.UnknownDraft e) {
            readModel = 0;
        }
        return new State(readModel, record);
    }
}
