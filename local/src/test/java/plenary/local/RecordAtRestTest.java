package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record at rest (issue 10, item 14): the event table refuses UPDATE, DELETE and TRUNCATE from anyone who does
 * not first disable its trigger as its owner; the command side works as a role that may only insert and read
 * events, the query side as one that may only read them and owns its read model; and db-scheduler keeps a
 * deadline as JSON, not as a Java-serialised object.
 */
class RecordAtRestTest {

    static DevDatabase db;
    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        db = DevDatabase.forTests();
        plenary = Plenary.start(db, 0, 0);
        draft = new Drafts(plenary).seed("kaz");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void theEventTableRefusesToChangeOrLoseAnEvent() throws Exception {
        String events = "SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = '" + draft + "'";
        long before = count(events);
        for (String rewrite : List.of(
                "UPDATE DomainEventEntry SET payload = payload WHERE aggregateIdentifier = '" + draft + "'",
                "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = '" + draft + "'",
                "TRUNCATE DomainEventEntry CASCADE")) {
            assertThatThrownBy(() -> execute(rewrite)).as(rewrite).isInstanceOf(SQLException.class)
                    .hasMessageContaining("the record is append-only");
        }
        assertThat(count(events)).isEqualTo(before);
    }

    /** Issue 14: the query side keeps its own copy of the events (what /events?after= serves); /verify checks it. */
    @Test
    void aCopyOfTheEventsChangedInTheReadModelIsCaughtByVerify() throws Exception {
        String copied = new Drafts(plenary).seed("kaz", "kgz");
        Client auditor = new Client(plenary.queryPort(), "auditor");
        String verify = "/api/drafts/" + copied + "/verify";
        assertThat(auditor.get(verify).json().get("intact").asBoolean()).isTrue();
        String version2 = " WHERE draft_id = '" + copied + "' AND version = 2";

        execute("UPDATE draft_event SET payload = payload || '{\"forged\": true}'" + version2);
        JsonNode forged = auditor.get(verify).json();
        assertThat(forged.get("intact").asBoolean()).as(forged.toString()).isFalse();
        assertThat(forged.get("brokenAt").asLong()).isEqualTo(2);
        assertThat(forged.get("reason").asText()).contains("version 2 as the query side copied it", "in its content");

        execute("UPDATE draft_event SET payload = payload - 'forged', occurred_at = occurred_at + interval '1 hour'"
                + version2);
        assertThat(auditor.get(verify).json().get("reason").asText()).contains("in its time");
        execute("UPDATE draft_event SET occurred_at = occurred_at - interval '1 hour', "
                + "actor = jsonb_set(actor, '{delegation}', '\"tur\"')" + version2);
        assertThat(auditor.get(verify).json().get("reason").asText()).contains("in its author");
        // both admissions are the secretariat's: the copy of version 3 gives version 2 its author back
        execute("UPDATE draft_event SET actor = e.actor FROM draft_event e WHERE e.draft_id = draft_event.draft_id "
                + "AND e.version = 3 AND draft_event.draft_id = '" + copied + "' AND draft_event.version = 2");
        JsonNode restored = auditor.get(verify).json();
        assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();

        execute("DELETE FROM draft_event WHERE draft_id = '" + copied + "' AND version = 1");
        JsonNode missing = auditor.get(verify).json();
        assertThat(missing.get("brokenAt").asLong()).isEqualTo(1);
        assertThat(missing.get("reason").asText()).contains("version 1 is missing from the query side's copy");
    }

    @Test
    void eachSideWorksAsARoleWithOnlyItsRights() throws Exception {
        assertThat(flag("SELECT has_table_privilege('plenary_command', 'domainevententry', 'INSERT')")).isTrue();
        assertThat(flag("SELECT has_table_privilege('plenary_command', 'domainevententry', 'SELECT')")).isTrue();
        for (String right : List.of("UPDATE", "DELETE", "TRUNCATE")) {
            assertThat(flag("SELECT has_table_privilege('plenary_command', 'domainevententry', '" + right + "')"))
                    .as("command " + right).isFalse();
        }
        assertThat(flag("SELECT has_table_privilege('plenary_query', 'domainevententry', 'SELECT')")).isTrue();
        for (String right : List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE")) {
            assertThat(flag("SELECT has_table_privilege('plenary_query', 'domainevententry', '" + right + "')"))
                    .as("query " + right).isFalse();
        }
        assertThat(text("SELECT tableowner FROM pg_tables WHERE tablename = 'draft'")).isEqualTo("plenary_query");
        assertThat(text("SELECT tableowner FROM pg_tables WHERE tablename = 'domainevententry'"))
                .isEqualTo(db.username());
        assertThatThrownBy(() -> execute("SET ROLE plenary_command; ALTER TABLE DomainEventEntry DISABLE TRIGGER ALL"))
                .as("nor can the command side's role take the trigger away").hasMessageContaining("owner");
        // and, working as those roles, both sides still do their work
        Client.Response proposed = new Client(plenary.commandPort(), "kaz").postJson("/api/drafts/" + draft
                + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Parties keep a record."));
        assertThat(proposed.status()).isEqualTo(201);
        new Drafts(plenary).awaitVersion(draft, proposed.json().get("version").asLong());
    }

    @Test
    void aDeadlineIsKeptAsJsonNotAsAJavaSerialisedObject() throws Exception {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        String silent = new Drafts(plenary).seed("kaz");
        assertThat(secretariat.postJson("/api/drafts/" + silent + "/silence-procedures",
                Map.of("deadline", Instant.now().plusSeconds(3600).toString(), "subject", "TEXT")).status())
                .isEqualTo(201);
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT task_data FROM scheduled_tasks")) {
            assertThat(rs.next()).isTrue();
            byte[] data = rs.getBytes(1);
            assertThat(data[0] == (byte) 0xAC && data[1] == (byte) 0xED).as("Java serialisation's magic").isFalse();
            assertThat(new String(data)).startsWith("{").contains(silent);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean flag(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
