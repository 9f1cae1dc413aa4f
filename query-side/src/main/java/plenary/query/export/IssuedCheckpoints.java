package plenary.query.export;

import java.util.Optional;

/** The signed checkpoint of the record that the event at a version carries, when that event issued a text. */
public interface IssuedCheckpoints {

    Optional<String> carriedBy(String draftId, long version);
}
