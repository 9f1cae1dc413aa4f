package plenary.query.history;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import plenary.drafting.DraftEvent;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.query.drafting.FoldListener;
import plenary.text.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The auditors' timeline, kept as the drafts projection folds each event: who did what, when, to which
 * paragraph, in one line. Describing an event needs the document before it, which only the fold has at hand,
 * so the entries are written then rather than worked out again for every reader.
 */
@Repository
class Timeline implements FoldListener {

    record Entry(long version, Instant timestamp, String type, Actor actor, String description, String paragraphId,
                 String paragraph) {
    }

    /** What a reader filters on; null (or empty) lets everything through. */
    record Filter(String delegation, String paragraphId, Set<String> types, long after, Integer limit) {
    }

    private final JdbcClient db;

    Timeline(JdbcClient db) {
        this.db = db;
    }

    private static final Table TABLE = new Table("history_entry", "draft_id", "version", "type", "actor_user",
            "actor_delegation", "actor_role", "occurred_at", "paragraph_id", "paragraph", "description");

    @Override
    public Table table() {
        return TABLE;
    }

    @Override
    public Object[] row(Document before, Document after, DraftEvent event, Instant at) {
        String paragraphId = Touched.paragraph(event, before, after);
        String label = paragraphId == null ? null : Touched.label(paragraphId, after, before);
        Actor actor = event.actor();
        return new Object[]{after.draftId(), after.version(), event.getClass().getSimpleName(), actor.user(),
                actor.delegation(), actor.role().name(), at, paragraphId, label,
                Descriptions.of(event, before, after, label)};
    }

    List<Entry> entries(String draftId, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT version, occurred_at, type, actor_user, actor_delegation, actor_role, description,
                       paragraph_id, paragraph
                FROM history_entry WHERE draft_id = ? AND version > ?""");
        List<Object> params = new ArrayList<>(List.of(draftId, filter.after()));
        if (filter.delegation() != null) {
            sql.append(" AND actor_delegation = ?");
            params.add(filter.delegation().toLowerCase(Locale.ROOT));
        }
        if (filter.paragraphId() != null) {
            sql.append(" AND paragraph_id = ?");
            params.add(filter.paragraphId());
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            sql.append(" AND type = ANY (?)");
            params.add(filter.types().toArray(String[]::new));
        }
        sql.append(" ORDER BY version");
        if (filter.limit() != null) {
            sql.append(" LIMIT ?");
            params.add(filter.limit());
        }
        return db.sql(sql.toString()).params(params).query((rs, i) -> new Entry(rs.getLong(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3),
                new Actor(rs.getString(4), rs.getString(5), Role.valueOf(rs.getString(6))), rs.getString(7),
                rs.getString(8), rs.getString(9))).list();
    }
}
