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
    /**
     * Snapshots parsed, least recently used first out, bounded by their paragraphs
     * ({@code plenary.history.snapshots-cached}, 20,000 by default): parsing a 500-paragraph snapshot costs more than
     * folding the events after it. A snapshot never changes but by a rebuild, which forgets them.
     */
    private final WeighedLru<String, Document> parsed;

    Snapshots(JdbcClient db, ObjectMapper json, @Value("${plenary.history.snapshot-every:100}") int every,
              @Value("${plenary.history.snapshots-cached:20000}") long capacity) {
        if (every < 1) {
            throw new IllegalArgumentException("plenary.history.snapshot-every must be 1 or more");
        }
        this.db = db;
        this.json = json;
        this.every = every;
        this.parsed = new WeighedLru<>(capacity, document -> document.paragraphs().size() + 1L);
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

    /** The latest snapshot at or before {@code version}: its version from the table, its document parsed once. */
    Optional<Document> nearest(String draftId, long version) {
        // taken at every multiple of `every`: the one at or below is usually parsed already, and then no query is
        // needed (should `every` have changed, a snapshot kept is still one at or before the version, if not the nearest)
        Document below = parsed(draftId + "@" + (version - version % every));
        if (below != null) {
            return Optional.of(below);
        }
        // one round trip for the version and the document: it is parsed only if not kept already
        return db.sql("""
                SELECT version, document FROM draft_snapshot WHERE draft_id = ? AND version <= ?
                ORDER BY version DESC LIMIT 1""")
                .params(draftId, version).query((rs, i) -> {
                    String key = draftId + "@" + rs.getLong(1);
                    Document kept = parsed(key);
                    if (kept != null) {
                        return kept;
                    }
                    Document parsed = read(rs.getString(2));
                    keep(key, parsed);
                    return parsed;
                }).optional();
    }

    private synchronized Document parsed(String key) {
        return parsed.get(key);
    }

    private synchronized void keep(String key, Document document) {
        parsed.put(key, document);
    }

    /** Forgets the parsed snapshots: the table was rebuilt. */
    synchronized void forget() {
        parsed.clear();
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
