package plenary.query.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import plenary.devdb.DevDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a rebuild copies in is read back exactly as it was written, whatever the characters. */
class CopyRowsTest {

    @Test
    void everyValueIsReadBackAsWrittenWhateverItHolds() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        List<String> values = List.of("plain", "", "back\\slash", "tab\there", "line\nend", "carriage\rreturn",
                "\\N", "Türkiye – “quoted” ✓ 😀", "{\"json\": \"with \\\"escapes\\\" and \\n\"}", "ends with \\",
                "x".repeat(100_000) + "\t" + "y".repeat(100_000));
        FoldListener.Table table = new FoldListener.Table("copied", "n", "at", "value", "nothing");
        CopyRows rows = new CopyRows(table);
        CopyRows more = new CopyRows(table); // made elsewhere, then appended
        Instant at = Instant.parse("2026-12-03T14:00:00.123456Z");
        long bytes = 0;
        for (int i = 0; i < values.size(); i++) {
            bytes += (i % 2 == 0 ? rows : more).add(new Object[]{i, at, values.get(i), null});
        }
        rows.append(more);
        assertThat(bytes).isGreaterThan(200_000);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copied (n INT PRIMARY KEY, at TIMESTAMPTZ, value TEXT, nothing TEXT)");
            rows.copy(c.unwrap(PGConnection.class), "public");
            rows.copy(c.unwrap(PGConnection.class), "public"); // nothing left to copy twice
            List<String> read = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT n, at, value, nothing FROM copied ORDER BY n")) {
                while (rs.next()) {
                    assertThat(rs.getInt(1)).isEqualTo(read.size());
                    assertThat(rs.getTimestamp(2).toInstant()).isEqualTo(at);
                    assertThat(rs.getString(4)).isNull();
                    read.add(rs.getString(3));
                }
            }
            assertThat(read).isEqualTo(values);
        }
    }

    @Test
    void aJsonValueWrittenStraightIntoTheRowsIsTheJsonItsTextWouldBe() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        ObjectMapper json = new ObjectMapper();
        List<Object> values = List.of(Map.of("text", "back\\slash, tab\there, line\nend, \\N", "n", 3),
                List.of("Türkiye – “quoted” ✓ 😀", "x".repeat(20_000)), "ends with \\", Map.of());
        FoldListener.Table table = new FoldListener.Table("copied_json", "n", "straight::jsonb", "text::jsonb");
        CopyRows rows = new CopyRows(table, json);
        for (int i = 0; i < values.size(); i++) {
            rows.add(new Object[]{i, new CopyRows.Json(values.get(i)), json.writeValueAsString(values.get(i))});
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE copied_json (n INT PRIMARY KEY, straight JSONB, text JSONB)");
            rows.copy(c.unwrap(PGConnection.class), "public");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE straight = text) FROM copied_json")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(values.size());
                assertThat(rs.getInt(2)).isEqualTo(values.size());
            }
        }
    }
}
