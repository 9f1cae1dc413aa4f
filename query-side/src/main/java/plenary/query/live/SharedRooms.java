package plenary.query.live;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import plenary.identity.Role;

import java.util.List;
import java.util.UUID;

/**
 * The rooms as every query-side node sees them, kept in PostgreSQL ({@code V45__shared_presence.sql}) when a relay
 * joins the nodes: each node writes its own connections' members and shows itself in {@link #beat()}; a node that
 * stops showing itself for {@link LiveRelay#nodeTimeout()} is taken for dead, and whoever notices first deletes its
 * members (a DELETE answers each row to one node only) and broadcasts their rooms. Each room's broadcasts are
 * numbered across the nodes ({@code live_room}, V50).
 */
@Component
@ConditionalOnProperty(name = "plenary.live.relay.enabled", havingValue = "true")
class SharedRooms {

    /** A member who left because its node died. */
    record Departure(String draftId, Presence.Member member) {
    }

    private static final RowMapper<Presence.Member> MEMBER = (row, n) -> new Presence.Member(row.getString("user_name"),
            row.getString("delegation"), Role.valueOf(row.getString("role")), row.getString("paragraph_id"));

    private final JdbcTemplate db;
    private final TransactionTemplate transactions;
    private final String node = UUID.randomUUID().toString();
    private final double timeoutSeconds;

    SharedRooms(JdbcTemplate db, LiveRelay relay, PlatformTransactionManager transactions) {
        this.db = db;
        this.transactions = new TransactionTemplate(transactions);
        this.timeoutSeconds = relay.nodeTimeout().toMillis() / 1000.0;
    }

    String node() {
        return node;
    }

    void arrived(String session, String draftId, Presence.Member member) {
        db.update("""
                INSERT INTO live_presence (node, session, draft_id, user_name, delegation, role, paragraph_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node, session, draft_id) DO UPDATE SET paragraph_id = EXCLUDED.paragraph_id""",
                node, session, draftId, member.user(), member.delegation(), member.role().name(), member.paragraphId());
    }

    void focused(String session, String draftId, String paragraphId) {
        db.update("UPDATE live_presence SET paragraph_id = ? WHERE node = ? AND session = ? AND draft_id = ?",
                paragraphId, node, session, draftId);
    }

    void left(String session, String draftId) {
        db.update("DELETE FROM live_presence WHERE node = ? AND session = ? AND draft_id = ?", node, session, draftId);
    }

    /**
     * Everyone in the room on every node, in order of arrival, with the room's revision: the next one for a
     * broadcast ({@code advance}), else the latest. A broadcast takes its number first, holding the room's row until
     * it has read the members, so a higher revision never shows an older room, whichever node sends it.
     */
    Presence.Room room(String draftId, boolean advance) {
        return transactions.execute(status -> {
            Long revision = advance
                    ? db.queryForObject("""
                            INSERT INTO live_room (draft_id, revision) VALUES (?, 1) ON CONFLICT (draft_id)
                            DO UPDATE SET revision = live_room.revision + 1 RETURNING revision""", Long.class, draftId)
                    : db.query("SELECT revision FROM live_room WHERE draft_id = ?",
                            rs -> rs.next() ? rs.getLong(1) : 0L, draftId);
            return new Presence.Room(revision, db.query("SELECT user_name, delegation, role, paragraph_id "
                    + "FROM live_presence WHERE draft_id = ? ORDER BY arrived", MEMBER, draftId));
        });
    }

    /**
     * Shows this node alive; true if the others had already taken it for dead (a pause longer than the timeout), so
     * that its members must be written again.
     */
    boolean beat() {
        return Boolean.TRUE.equals(db.queryForObject("""
                INSERT INTO live_node (node, seen) VALUES (?, now()) ON CONFLICT (node) DO UPDATE SET seen = now()
                RETURNING (xmax = 0)""", Boolean.class, node));
    }

    /** Deletes the nodes not seen within the timeout, and every member of a node that is no longer there. */
    List<Departure> sweep() {
        db.update("DELETE FROM live_node WHERE seen < now() - make_interval(secs => ?)", timeoutSeconds);
        return db.query("""
                DELETE FROM live_presence p WHERE NOT EXISTS (SELECT 1 FROM live_node n WHERE n.node = p.node)
                RETURNING draft_id, user_name, delegation, role, paragraph_id""",
                (row, n) -> new Departure(row.getString("draft_id"), MEMBER.mapRow(row, n)));
    }

    /** A node that stops cleanly leaves at once. */
    void leaveAll() {
        db.update("DELETE FROM live_presence WHERE node = ?", node);
        db.update("DELETE FROM live_node WHERE node = ?", node);
    }
}
