package plenary.query.history;

import org.springframework.stereotype.Component;
import plenary.query.export.IssuedCheckpoints;
import plenary.record.StoredEvent;

import java.util.Optional;

/** The checkpoint an event carries in its metadata, as stored: the events that issue a text carry theirs. */
@Component
class CarriedCheckpoints implements IssuedCheckpoints {

    private final StoredRecord record;

    CarriedCheckpoints(StoredRecord record) {
        this.record = record;
    }

    @Override
    public Optional<String> carriedBy(String draftId, long version) {
        return record.event(draftId, version).map(StoredEvent::recordedCheckpoint);
    }
}
