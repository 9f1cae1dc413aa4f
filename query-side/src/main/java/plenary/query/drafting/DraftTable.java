package plenary.query.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import plenary.identity.Actor;
import plenary.query.readers.Admissions;
import plenary.text.Document;
import plenary.text.Paragraph;
import plenary.text.ParagraphWindow;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The query side's own tables: the current document of each draft, paragraph by paragraph ({@code draft} and
 * {@code draft_paragraph}), and each draft's events.
 */
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
    private final Map<String, String> inserts = new ConcurrentHashMap<>();

    DraftTable(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * The draft's current document, from its row and its paragraphs read in one statement, so in one snapshot: a
     * concurrent write never shows half an event.
     */
    Optional<Document> document(String draftId) {
        Document[] head = new Document[1];
        String[][] order = new String[1][];
        Map<String, Paragraph> paragraphs = new HashMap<>();
        db.sql("""
                SELECT version, head::text, paragraphs, NULL, NULL FROM draft WHERE draft_id = :id
                UNION ALL
                SELECT NULL, NULL, NULL, paragraph_id, paragraph::text FROM draft_paragraph WHERE draft_id = :id
                """).param("id", draftId).query(rs -> {
            if (rs.getString(4) == null) {
                head[0] = read(rs.getString(2), Document.class).withVersion(rs.getLong(1));
                order[0] = (String[]) rs.getArray(3).getArray();
            } else {
                paragraphs.put(rs.getString(4), read(rs.getString(5), Paragraph.class));
            }
        });
        if (head[0] == null) {
            return Optional.empty();
        }
        List<Paragraph> inOrder = new ArrayList<>(order[0].length);
        for (String id : order[0]) {
            inOrder.add(Objects.requireNonNull(paragraphs.get(id), () -> "draft " + draftId + " lacks paragraph " + id));
        }
        return Optional.of(head[0].withParagraphs(inOrder));
    }

    Optional<Long> version(String draftId) {
        return db.sql("SELECT version FROM draft WHERE draft_id = ?").param(draftId).query(Long.class).optional();
    }

    /**
     * Stores {@code after}, writing only what differs from {@code before} (null: nothing stored yet): the paragraphs
     * that changed or are new, those removed, the order when it changed, the rest of the document when that changed.
     * Unchanged paragraphs are the same objects in both, since the fold keeps what it does not touch.
     */
    void store(Document before, Document after, Instant at) {
        Writes writes = new Writes();
        store(before, after, at, writes);
        flush(writes);
    }

    /** As {@link #store(Document, Document, Instant)}, the statements added to {@code writes}. */
    void store(Document before, Document after, Instant at, Writes writes) {
        // only the paragraphs between what both versions share can differ: the fold keeps the others
        Map<String, Paragraph> old = new HashMap<>();
        List<Paragraph> candidates = after.paragraphs();
        boolean reordered = before == null;
        if (before != null) {
            ParagraphWindow window = ParagraphWindow.between(before.paragraphs(), after.paragraphs());
            window.before(before.paragraphs()).forEach(p -> old.put(p.id(), p));
            candidates = window.after(after.paragraphs());
            reordered = !ids(window.before(before.paragraphs())).equals(ids(candidates));
        }
        List<Paragraph> changed = new ArrayList<>();
        for (Paragraph p : candidates) {
            Paragraph was = old.remove(p.id());
            if (was != p && !p.equals(was)) {
                changed.add(p);
            }
        }
        reordered |= !old.isEmpty();
        Document head = after.withParagraphs(List.of()).withVersion(0);
        boolean headChanged = before == null || !head.equals(before.withParagraphs(List.of()).withVersion(0));
        SqlParameterValue headJson = new SqlParameterValue(Types.VARCHAR, headChanged ? write(head) : null);
        SqlParameterValue order = new SqlParameterValue(Types.VARCHAR, reordered ? textArray(ids(after)) : null);
        if (before == null) {
            writes.add("""
                    INSERT INTO draft (draft_id, version, reference, title, status, updated_at, head, paragraphs)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS text[]))
                    ON CONFLICT (draft_id) DO UPDATE SET version = EXCLUDED.version, reference = EXCLUDED.reference,
                        title = EXCLUDED.title, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
                        head = EXCLUDED.head, paragraphs = EXCLUDED.paragraphs""",
                    after.draftId(), after.version(), after.header().reference(), after.header().title(),
                    after.status().name(), at, headJson, order);
        } else {
            writes.add("""
                    UPDATE draft SET version = ?, reference = ?, title = ?, status = ?, updated_at = ?,
                        head = COALESCE(CAST(? AS jsonb), head), paragraphs = COALESCE(CAST(? AS text[]), paragraphs)
                    WHERE draft_id = ?""",
                    after.version(), after.header().reference(), after.header().title(), after.status().name(), at,
                    headJson, order, after.draftId());
        }
        if (!old.isEmpty()) {
            writes.add("DELETE FROM draft_paragraph WHERE draft_id = ? AND paragraph_id = ANY (CAST(? AS text[]))",
                    after.draftId(), textArray(List.copyOf(old.keySet())));
        }
        if (!changed.isEmpty()) {
            // one statement however many: an import writes thousands
            writes.add("""
                    INSERT INTO draft_paragraph (draft_id, paragraph_id, paragraph)
                    SELECT ?, p ->> 'id', p FROM jsonb_array_elements(CAST(? AS jsonb)) AS p
                    ON CONFLICT (draft_id, paragraph_id) DO UPDATE SET paragraph = EXCLUDED.paragraph""",
                    after.draftId(), write(changed));
        }
    }

    /**
     * Statements sent together: the driver sends the statements of one prepared statement in one round trip, where
     * each on its own would wait for PostgreSQL (and, under load, for a core) once more.
     */
    static final class Writes {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        void add(String statement, Object... values) {
            sql.append(sql.isEmpty() ? "" : ";\n").append(statement);
            for (Object value : values) {
                params.add(value instanceof Instant at ? Timestamp.from(at) : value);
            }
        }
    }

    /** Sends what {@code writes} gathered, in one round trip. */
    void flush(Writes writes) {
        if (!writes.sql.isEmpty()) {
            db.sql(writes.sql.toString()).params(writes.params).update();
        }
    }

    private static List<String> ids(Document document) {
        return ids(document.paragraphs());
    }

    private static List<String> ids(List<Paragraph> paragraphs) {
        return paragraphs.stream().map(Paragraph::id).toList();
    }

    /** A PostgreSQL array literal: ids are letters, digits and dots, quoted all the same. */
    private static String textArray(List<String> ids) {
        StringBuilder sb = new StringBuilder("{");
        for (String id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(id.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    /** Whether the draft lists a participant with this delegation code: whether the delegation was admitted. */
    @Override
    public boolean admitted(String draftId, String delegation) {
        return db.sql("""
                SELECT EXISTS (SELECT 1 FROM draft, jsonb_array_elements(head -> 'participants') AS p
                               WHERE draft_id = ? AND lower(p ->> 'code') = lower(?))
                """).params(draftId, delegation).query(Boolean.class).single();
    }

    List<Summary> summaries() {
        return db.sql("SELECT draft_id, reference, title, status, version FROM draft ORDER BY updated_at DESC")
                .query(Summary.class).list();
    }

    /** Each event as {@code /events} serves it, with what it changed: a row per event, live or rebuilt. */
    static final FoldListener.Table EVENTS = new FoldListener.Table("draft_event", "draft_id", "version", "type",
            "actor::jsonb", "occurred_at", "payload::jsonb", "status", "paragraphs::jsonb", "placed::jsonb",
            "removed::jsonb");

    /** The tables this class keeps, those of each draft's document first. */
    static final List<String> TABLES = List.of("draft", "draft_paragraph", EVENTS.name());

    void append(LiveChange event, Writes writes) {
        insert(EVENTS, row(event), false, writes);
    }

    Object[] row(LiveChange event) {
        return row(event, event.payload(), this::write);
    }

    /**
     * The row of {@code event} with {@code payload} for its payload, each JSON column's value as {@code json} makes
     * it from the value: the same row live and rebuilt, which writes the JSON straight into its COPY rows.
     */
    static Object[] row(LiveChange event, Object payload, Function<Object, Object> json) {
        return new Object[]{event.draftId(), event.version(), event.type(), json.apply(event.actor()),
                event.timestamp(), json.apply(payload), event.status(), json.apply(event.paragraphs()),
                json.apply(event.placed()), json.apply(event.removed())};
    }

    /** Adds one row of {@code table} to {@code writes}; {@code orNothing}: unless the row is there already. */
    void insert(FoldListener.Table table, Object[] row, boolean orNothing, Writes writes) {
        writes.add(inserts.computeIfAbsent(table.name() + orNothing, key -> insertInto(table, orNothing)), row);
    }

    private static String insertInto(FoldListener.Table table, boolean orNothing) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.name()).append(" (");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            String[] column = table.columns().get(i).split("::");
            sql.append(i == 0 ? "" : ", ").append(column[0]);
            values.append(i == 0 ? "" : ", ").append(column.length == 1 ? "?" : "CAST(? AS " + column[1] + ")");
        }
        return sql.append(") VALUES (").append(values).append(orNothing ? ") ON CONFLICT DO NOTHING" : ")").toString();
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

    /** Empties this class's tables and {@code others} (the read models beside the document). */
    void clear(List<String> others) {
        List<String> tables = new ArrayList<>(TABLES);
        tables.addAll(others);
        db.sql("TRUNCATE " + String.join(", ", tables)).update();
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
