package plenary.local;

import plenary.devdb.DevDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every table of the database, row by row as JSON text, for comparing two states of everything. */
final class Tables {

    /** All tables but the processors' tokens and the migration histories, which a rebuild rightly changes. */
    static Map<String, List<String>> dump(DevDatabase db) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                      AND table_name <> 'tokenentry' AND table_name NOT LIKE 'flyway_history_%'""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT row_to_json(t)::text FROM \"" + name + "\" t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                rows.sort(null);
                tables.put(name, rows);
            }
        }
        return tables;
    }

    private Tables() {
    }
}
