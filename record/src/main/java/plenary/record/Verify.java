package plenary.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier: checks the hash chain of drafts straight from a PostgreSQL database or from a log
 * exported with {@code GET /api/drafts/{d}/events?format=ndjson}, without any Plenary service running.
 * Exit status 0: every draft intact; 1: a break was found; 2: it could not run.
 */
public final class Verify {

    static final String USAGE = """
            usage: java -jar plenary-record-exec.jar --db JDBC_URL [--user USER] [--password PASSWORD] [--draft ID]
                   java -jar plenary-record-exec.jar --log FILE.ndjson
                   either with [--expect-head SHA256] to require the record to end at a head published earlier
            --db defaults to $PLENARY_DB_URL, --user to $PLENARY_DB_USER (else postgres), --password to
            $PLENARY_DB_PASSWORD; without --draft every draft in the database is checked.""";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<Verdict> verdicts = options.containsKey("log") ? fromLog(Path.of(options.get("log")))
                    : fromDatabase(options);
            boolean intact = true;
            for (Verdict verdict : verdicts) {
                verdict = verdict.expectingHead(options.get("expect-head"));
                out.println(verdict.describe());
                intact &= verdict.intact();
            }
            if (verdicts.isEmpty()) {
                err.println("no events found");
                return 2;
            }
            return intact ? 0 : 1;
        } catch (IOException | SQLException e) {
            err.println("cannot read the record: " + e.getMessage());
            return 2;
        }
    }

    static List<Verdict> fromDatabase(Map<String, String> options) throws SQLException {
        String url = options.getOrDefault("db", System.getenv("PLENARY_DB_URL"));
        if (url == null) {
            throw new SQLException("no database: give --db JDBC_URL or set PLENARY_DB_URL");
        }
        String user = options.getOrDefault("user", env("PLENARY_DB_USER", "postgres"));
        String password = options.getOrDefault("password", env("PLENARY_DB_PASSWORD", ""));
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            DatabaseLog log = new DatabaseLog(connection);
            List<String> drafts = options.containsKey("draft") ? List.of(options.get("draft")) : log.drafts();
            List<Verdict> verdicts = new ArrayList<>();
            for (String draft : drafts) {
                verdicts.add(HashChain.verify(draft, log.events(draft).iterator(), 0));
            }
            return verdicts;
        }
    }

    /** An exported log holds one draft's events in order; a log holding several drafts is checked per draft. */
    static List<Verdict> fromLog(Path file) throws IOException {
        Map<String, List<StoredEvent>> drafts = new LinkedHashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    StoredEvent event = StoredEvent.fromLine(line);
                    drafts.computeIfAbsent(event.aggregateIdentifier(), d -> new ArrayList<>()).add(event);
                }
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        drafts.forEach((draft, events) -> verdicts.add(HashChain.verify(draft, events.iterator(), 0)));
        return verdicts;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of("--db", "--user", "--password", "--draft", "--log", "--expect-head").contains(name)
                    || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option: " + name);
            }
            options.put(name.substring(2), args[++i]);
        }
        if (options.containsKey("log") && options.containsKey("db")) {
            throw new IllegalArgumentException("give --db or --log, not both");
        }
        return options;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Verify() {
    }
}
