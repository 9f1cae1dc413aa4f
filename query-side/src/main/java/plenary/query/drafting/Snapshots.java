package plenary.query.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import plenary.drafting.DraftEvent;
import plenary.text.Document;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of each draft's document every {@code plenary.history.snapshot-every} events (100 by default), so
 * that a historic version folds at most that many events again instead of the draft's whole history.
 */
@Repository
class Snapshots implements FoldListener {

    private final JdbcClient db;
    private final ObjectMapper json;
    private final int every;

    Snapshots(JdbcClient db, ObjectMapper json, @Value("${plenary.history.snapshot-every:100}") int every) {
        if (every < 1) {
            throw new IllegalArgumentException("plenary.history.snapshot-every must be 1 or more");
        }
        this.db = db;
        this.json = json;
        this.every = every;
    }

    private static final Table TABLE = new Table("draft_snapshot", "draft_id", "version", "document::jsonb");

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public Object[] row(Document before, Document after, DraftEvent event, Instant at) {
        return after.version() % every == 0 ? new Object[]{after.draftId(), after.version(), write(after)} : null;
    }

    /** The latest snapshot at or before {@code version}. */
    Optional<Document> nearest(String draftId, long version) {
        return db.sql("""
                SELECT document FROM draft_snapshot WHERE draft_id = ? AND version <= ?
                ORDER BY version DESC LIMIT 1""")
                .params(draftId, version).query((rs, i) -> read(rs.getString(1))).optional();
    }

    private String write(Document document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the document of " + document.draftId(), e);
        }
    }

    private Document read(String text) {
        try {
            return json.readValue(text, Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot in the read model", e);
        }
    }
}
