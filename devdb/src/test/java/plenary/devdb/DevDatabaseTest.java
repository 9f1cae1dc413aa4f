package plenary.devdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevDatabaseTest {

    @Test
    void forTestsGivesAFreshEmptyDatabaseEachCall() throws SQLException {
        DevDatabase first = DevDatabase.forTests();
        DevDatabase second = DevDatabase.forTests();

        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(currentDatabase(first)).isNotEqualTo(currentDatabase(second));
        assertThat(userTables(first)).isEmpty();
        assertThat(userTables(second)).isEmpty();

        execute(first, "CREATE TABLE motion (id int PRIMARY KEY, text varchar(200))");
        execute(first, "INSERT INTO motion VALUES (1, 'The Assembly decides')");
        assertThat(userTables(first)).containsExactly("motion");
        assertThat(userTables(second)).isEmpty();

        execute(second, "CREATE TABLE motion (id int PRIMARY KEY)");
        assertThat(userTables(second)).containsExactly("motion");

        first.close(); // a no-op for test databases: the server stays up for the next test class
        assertThat(userTables(DevDatabase.forTests())).isEmpty();
    }

    @Test
    void forTestsFollowsPlenaryDbUrl() {
        String external = System.getenv(DevDatabase.ENV_URL);
        assumeTrue(external != null && !external.isBlank(), "PLENARY_DB_URL not set");

        DevDatabase db = DevDatabase.forTests();

        assertThat(db.jdbcUrl()).startsWith(DevDatabase.withDatabase(external, DevDatabase.TEST_DATABASE_PREFIX));
        DevDatabase persistent = DevDatabase.persistent(Path.of("unused"));
        assertThat(persistent.jdbcUrl()).isEqualTo(external);
        persistent.close();
    }

    @Test
    void rewritesTheDatabaseOfAUrl() {
        assertThat(DevDatabase.withDatabase("jdbc:postgresql://h:5432/postgres", "x"))
                .isEqualTo("jdbc:postgresql://h:5432/x");
        assertThat(DevDatabase.withDatabase("jdbc:postgresql://h1:1,h2:2/postgres?ssl=false&a=b", "x"))
                .isEqualTo("jdbc:postgresql://h1:1,h2:2/x?ssl=false&a=b");
        assertThat(DevDatabase.withDatabase("jdbc:postgresql://h/", "x")).isEqualTo("jdbc:postgresql://h/x");
        assertThat(DevDatabase.withDatabase("jdbc:postgresql://h?ssl=true", "x"))
                .isEqualTo("jdbc:postgresql://h/x?ssl=true");
        assertThat(DevDatabase.databaseName("jdbc:postgresql://h:1/abc?x=y")).isEqualTo("abc");
    }

    @Test
    void persistentKeepsDataAcrossRestarts(@TempDir Path dir) throws SQLException {
        Path dataDir = dir.resolve("db");
        try (DevDatabase db = DevDatabase.persistentEmbedded(dataDir)) {
            assertThat(currentDatabase(db)).isEqualTo("plenary");
            execute(db, "CREATE TABLE motion (id int PRIMARY KEY, text varchar(200))");
            execute(db, "INSERT INTO motion VALUES (1, 'kept')");
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();

        try (DevDatabase db = DevDatabase.persistentEmbedded(dataDir)) {
            assertThat(userTables(db)).containsExactly("motion");
            assertThat(query(db, "SELECT text FROM motion WHERE id = 1")).isEqualTo("kept");
        }
    }

    @Test
    void persistentSurvivesAKilledRun(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("db");
        // A separate JVM opens the database, writes, and halts without running shutdown hooks,
        // leaving its postmaster running with postmaster.pid in the data directory.
        Process child = new ProcessBuilder(javaCommand(KilledRun.class.getName(), dataDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as("child exit code, see " + dir.resolve("child.log")).isEqualTo(KilledRun.HALTED);
        Path pidFile = dataDir.resolve("postmaster.pid");
        assertThat(pidFile).exists();
        long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

        try (DevDatabase db = DevDatabase.persistentEmbedded(dataDir)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(query(db, "SELECT text FROM motion WHERE id = 1")).isEqualTo("written before the kill");
        }
    }

    @Test
    void persistentDropsAStalePidFile(@TempDir Path dir) throws SQLException, java.io.IOException {
        Path dataDir = dir.resolve("db");
        try (DevDatabase db = DevDatabase.persistentEmbedded(dataDir)) {
            execute(db, "CREATE TABLE motion (id int)");
        }
        // a pid file whose process is long gone (as after a machine crash)
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999\n" + dataDir + "\n0\n54329\n");
        try (DevDatabase db = DevDatabase.persistentEmbedded(dataDir)) {
            assertThat(userTables(db)).containsExactly("motion");
        }
    }

    /** Child JVM main for {@link #persistentSurvivesAKilledRun}. */
    public static final class KilledRun {
        static final int HALTED = 42;

        public static void main(String[] args) throws Exception {
            DevDatabase db = DevDatabase.persistentEmbedded(Path.of(args[0]));
            execute(db, "CREATE TABLE motion (id int PRIMARY KEY, text varchar(200))");
            execute(db, "INSERT INTO motion VALUES (1, 'written before the kill')");
            Runtime.getRuntime().halt(HALTED);
        }
    }

    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator
                + System.getProperty("surefire.test.class.path", ""));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static Connection connect(DevDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static void execute(DevDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(DevDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String currentDatabase(DevDatabase db) throws SQLException {
        return query(db, "SELECT current_database()");
    }

    private static List<String> userTables(DevDatabase db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
