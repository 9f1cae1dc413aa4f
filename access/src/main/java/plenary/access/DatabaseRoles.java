package plenary.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Each side works as a database role with only the rights it needs, where the configured user may create roles:
 * {@code plenary_command} inserts and reads the events (and keeps its own tables), {@code plenary_query} reads the
 * events and owns its read model. Migrations run as the configured user, who owns the event table; the sides'
 * connections then {@code SET ROLE}. Where roles cannot be made, both sides run as the configured user, as before;
 * the append-only trigger holds either way.
 */
public final class DatabaseRoles {

    public static final String COMMAND = "plenary_command";
    public static final String QUERY = "plenary_query";

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    /** Makes both roles if the configured user may, and lets that user act as them. Idempotent, race-safe. */
    public static void ensure(DataSource admin) {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            if (!query(s, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
                log.info("the database user may not create roles: both sides run as it");
                return;
            }
            for (String role : new String[]{COMMAND, QUERY}) {
                if (!query(s, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "')")) {
                    try {
                        s.execute("CREATE ROLE " + role + " NOLOGIN");
                    } catch (SQLException e) {
                        if (!"42710".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                            throw e; // another side or database made it at the same moment: fine
                        }
                    }
                }
                if (!query(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
                    s.execute("GRANT " + role + " TO current_user");
                }
            }
            // the query side builds and swaps its read model (a rebuild makes a schema aside)
            s.execute("GRANT CREATE ON DATABASE \"" + current(s, "current_database()") + "\" TO " + QUERY);
            s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + QUERY);
            s.execute("GRANT USAGE ON SCHEMA public TO " + COMMAND);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the database roles: " + e.getMessage(), e);
        }
    }

    /**
     * SQL that makes a connection act as {@code role} once the role holds its rights (shown by {@code privilege}, a
     * condition in SQL); otherwise it leaves the connection as the configured user.
     */
    public static String becomeWhen(String role, String privilege) {
        return "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') "
                + "AND pg_has_role(current_user, '" + role + "', 'MEMBER') AND (" + privilege + ") "
                + "THEN SET ROLE " + role + "; END IF; END $$";
    }

    private static boolean query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String current(Statement s, String expression) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private DatabaseRoles() {
    }
}
