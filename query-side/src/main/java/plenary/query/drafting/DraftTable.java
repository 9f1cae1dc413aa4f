package plenary.query.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import plenary.identity.Actor;
import plenary.query.readers.Admissions;
import plenary.text.Document;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The query side's own tables: the current document of each draft, and each draft's events. */
@Repository
class DraftTable implements Admissions {

    record Summary(String draftId, String reference, String title, String status, long version) {
    }

    private static final TypeReference<List<DraftView.ParagraphView>> PARAGRAPHS = new TypeReference<>() {
    };
    private static final TypeReference<List<LiveChange.Placement>> PLACED = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final ObjectMapper json;

    DraftTable(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<Document> document(String draftId) {
        return db.sql("SELECT document FROM draft WHERE draft_id = ?").param(draftId)
                .query((rs, i) -> read(rs.getString(1), Document.class)).optional();
    }

    Optional<Long> version(String draftId) {
        return db.sql("SELECT version FROM draft WHERE draft_id = ?").param(draftId).query(Long.class).optional();
    }

    void save(Document doc, Instant at) {
        db.sql("""
                INSERT INTO draft (draft_id, version, reference, title, status, document, updated_at)
                VALUES (:id, :version, :reference, :title, :status, CAST(:document AS jsonb), :at)
                ON CONFLICT (draft_id) DO UPDATE SET version = EXCLUDED.version, reference = EXCLUDED.reference,
                    title = EXCLUDED.title, status = EXCLUDED.status, document = EXCLUDED.document,
                    updated_at = EXCLUDED.updated_at
                """)
                .param("id", doc.draftId()).param("version", doc.version())
                .param("reference", doc.header().reference()).param("title", doc.header().title())
                .param("status", doc.status().name()).param("document", write(doc))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Whether the draft lists a participant with this delegation code: whether the delegation was admitted. */
    @Override
    public boolean admitted(String draftId, String delegation) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM draft, jsonb_array_elements(document -> 'participants') AS p
                               WHERE draft_id = ? AND lower(p ->> 'code') = lower(?))
                """).params(draftId, delegation).query(Boolean.class).single();
    }

    List<Summary> summaries() {
        return db.sql("SELECT draft_id, reference, title, status, version FROM draft ORDER BY updated_at DESC")
                .query(Summary.class).list();
    }

    void append(LiveChange event) {
        db.sql("""
                INSERT INTO draft_event (draft_id, version, type, actor, occurred_at, payload, status, paragraphs,
                                         placed, removed)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), CAST(? AS jsonb),
                        CAST(? AS jsonb))
                """)
                .params(event.draftId(), event.version(), event.type(), write(event.actor()), Timestamp.from(event.timestamp()),
                        write(event.payload()), event.status(), write(event.paragraphs()), write(event.placed()),
                        write(event.removed()))
                .update();
    }

    List<LiveChange> eventsAfter(String draftId, long after) {
        return db.sql("""
                SELECT version, type, actor, occurred_at, payload, status, paragraphs, placed, removed FROM draft_event
                WHERE draft_id = ? AND version > ? ORDER BY version
                """)
                .params(draftId, after).query((rs, i) -> change(draftId, rs)).list();
    }

    /** The events after version {@code after} up to and including version {@code upTo}. */
    List<LiveChange> eventsBetween(String draftId, long after, long upTo) {
        return db.sql("""
                SELECT version, type, actor, occurred_at, payload, status, paragraphs, placed, removed FROM draft_event
                WHERE draft_id = ? AND version > ? AND version <= ? ORDER BY version
                """)
                .params(draftId, after, upTo).query((rs, i) -> change(draftId, rs)).list();
    }

    private LiveChange change(String draftId, java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LiveChange(draftId, rs.getLong(1), rs.getString(2), read(rs.getString(3), Actor.class),
                rs.getTimestamp(4).toInstant(), read(rs.getString(5), JsonNode.class), rs.getString(6),
                read(rs.getString(7), PARAGRAPHS), read(rs.getString(8), PLACED), read(rs.getString(9), IDS));
    }

    /** The draft's version at an instant: the last event recorded at or before it. */
    Optional<Long> versionAt(String draftId, Instant at) {
        return db.sql("SELECT version FROM draft_event WHERE draft_id = ? AND occurred_at <= ? ORDER BY version DESC LIMIT 1")
                .params(draftId, Timestamp.from(at)).query(Long.class).optional();
    }

    void clear() {
        db.sql("TRUNCATE draft, draft_event").update();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getType() + " in the read model", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + " in the read model", e);
        }
    }
}
