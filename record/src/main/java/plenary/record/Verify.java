package plenary.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline verifier: checks drafts' records straight from a PostgreSQL database or from a log exported with
 * {@code GET /api/drafts/{d}/events?format=ndjson}, against the secretariat's public key and signed checkpoints,
 * without any Plenary service running; or checks one event's inclusion proof against a checkpoint.
 * Exit status 0: every draft intact (or the event included); 1: a break was found; 2: it could not run.
 */
public final class Verify {

    static final String USAGE = """
            usage: java -jar plenary-record-exec.jar --db JDBC_URL [--user USER] [--password PASSWORD] [--draft ID]
                   java -jar plenary-record-exec.jar --log FILE.ndjson
                     either with --key KEY to check every checkpoint signed with it, in the record and in each
                     --checkpoint FILE, against the events; and [--expect-head SHA256] to require the chain to end
                     at a head published earlier
                   java -jar plenary-record-exec.jar --proof PROOF.json --key KEY [--event EVENT.json]
                     [--checkpoint FILE]: is the event (by default the proof's entry) in the signed tree?
            KEY is the verifier key line (name+id+base64, as GET /api/record/public-key serves it) or a file holding
            it; --key and --checkpoint may be given several times. A checkpoint FILE holds one signed note, or the
            JSON of GET /api/drafts/{d}/checkpoints or /proof.
            --db defaults to $PLENARY_DB_URL, --user to $PLENARY_DB_USER (else postgres), --password to
            $PLENARY_DB_PASSWORD; without --draft every draft in the database is checked.""";

    private static final Set<String> OPTIONS = Set.of("db", "user", "password", "draft", "log", "expect-head", "key",
            "checkpoint", "proof", "event");
    private static final Set<String> REPEATABLE = Set.of("key", "checkpoint");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            KeyRing keys = keys(options);
            if (options.containsKey("proof")) {
                Inclusion.Outcome outcome = Inclusion.check(proof(options), event(options), keys, checkpoints(options));
                out.println(outcome.describe());
                return outcome.included() ? 0 : 1;
            }
            List<SignedCheckpoint> given = checkpoints(options);
            List<Verdict> verdicts = options.containsKey("log") ? fromLog(Path.of(one(options, "log")), keys, given)
                    : fromDatabase(options, keys, given);
            if (verdicts.isEmpty()) {
                err.println("no events found");
                return 2;
            }
            if (keys == null) {
                err.println("no --key given: the chain is checked, the signed checkpoints are not");
            }
            boolean intact = true;
            for (Verdict verdict : verdicts) {
                verdict = verdict.expectingHead(one(options, "expect-head"));
                out.println(verdict.describe());
                intact &= verdict.intact();
            }
            for (SignedCheckpoint checkpoint : given) {
                String origin = checkpoint.checkpoint().origin();
                if (verdicts.stream().noneMatch(v -> origin.equals(Checkpoint.ORIGIN_PREFIX + v.draftId()))) {
                    out.println("BROKEN  " + origin + ": a checkpoint of size " + checkpoint.size()
                            + " was given for it, but the record holds no event of it");
                    intact = false;
                }
            }
            return intact ? 0 : 1;
        } catch (IOException | SQLException | IllegalArgumentException e) {
            err.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    static List<Verdict> fromDatabase(Map<String, List<String>> options, KeyRing keys, List<SignedCheckpoint> given)
            throws SQLException {
        String url = options.containsKey("db") ? one(options, "db") : System.getenv("PLENARY_DB_URL");
        if (url == null) {
            throw new SQLException("no database: give --db JDBC_URL or set PLENARY_DB_URL");
        }
        String user = options.containsKey("user") ? one(options, "user") : env("PLENARY_DB_USER", "postgres");
        String password = options.containsKey("password") ? one(options, "password") : env("PLENARY_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            DatabaseLog log = new DatabaseLog(connection);
            List<String> drafts = options.containsKey("draft") ? List.of(one(options, "draft")) : log.drafts();
            List<Verdict> verdicts = new ArrayList<>();
            for (String draft : drafts) {
                List<StoredEvent> events = log.events(draft);
                List<CheckpointSigned> stream;
                try {
                    stream = log.checkpoints(draft);
                } catch (IllegalArgumentException e) {
                    verdicts.add(Verdict.broken(draft, 0, null, "a stored checkpoint is unreadable: " + e.getMessage()));
                    continue;
                }
                verdicts.add(audit(draft, events, keys, given, stream));
            }
            return verdicts;
        }
    }

    /** An exported log holds one draft's events in order; a log holding several drafts is checked per draft. */
    static List<Verdict> fromLog(Path file, KeyRing keys, List<SignedCheckpoint> given) throws IOException {
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
        drafts.forEach((draft, events) -> verdicts.add(audit(draft, events, keys, given, List.of())));
        return verdicts;
    }

    private static Verdict audit(String draft, List<StoredEvent> events, KeyRing keys, List<SignedCheckpoint> given,
                                 List<CheckpointSigned> stream) {
        return RecordAudit.check(draft, events, keys, given, stream, 0);
    }

    private static KeyRing keys(Map<String, List<String>> options) throws IOException {
        if (!options.containsKey("key")) {
            if (options.containsKey("proof") || options.containsKey("checkpoint")) {
                throw new IllegalArgumentException("checking a signed checkpoint needs the public key: give --key");
            }
            return null;
        }
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String key : options.get("key")) {
            verifiers.addAll(KeyFiles.verifiers(key));
        }
        return new KeyRing(verifiers);
    }

    /** Checkpoint files: a signed note, or JSON holding notes (a list of checkpoints, or a proof). */
    private static List<SignedCheckpoint> checkpoints(Map<String, List<String>> options) throws IOException {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        for (String file : options.getOrDefault("checkpoint", List.of())) {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            if (text.strip().startsWith("{") || text.strip().startsWith("[")) {
                JsonNode json = JSON.readTree(text);
                for (JsonNode item : json.isArray() ? json : List.of(json)) {
                    JsonNode note = item.has("note") ? item.get("note") : item.get("checkpoint");
                    if (note == null || !note.isTextual()) {
                        throw new IOException(file + " holds JSON without a checkpoint's \"note\"");
                    }
                    checkpoints.add(SignedCheckpoint.parse(note.asText()));
                }
            } else {
                checkpoints.add(SignedCheckpoint.parse(text));
            }
        }
        return checkpoints;
    }

    private static JsonNode proof(Map<String, List<String>> options) throws IOException {
        return JSON.readTree(Files.readString(Path.of(one(options, "proof")), StandardCharsets.UTF_8));
    }

    private static StoredEvent event(Map<String, List<String>> options) throws IOException {
        if (!options.containsKey("event")) {
            return null;
        }
        return StoredEvent.fromLine(Files.readString(Path.of(one(options, "event")), StandardCharsets.UTF_8).strip());
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!OPTIONS.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option: " + args[i]);
            }
            List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
            if (!values.isEmpty() && !REPEATABLE.contains(name)) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
            values.add(args[++i]);
        }
        if (options.containsKey("log") && options.containsKey("db")) {
            throw new IllegalArgumentException("give --db or --log, not both");
        }
        if (options.containsKey("proof") && (options.containsKey("log") || options.containsKey("db"))) {
            throw new IllegalArgumentException("--proof checks one event: give it without --db or --log");
        }
        if (options.containsKey("event") && !options.containsKey("proof")) {
            throw new IllegalArgumentException("--event goes with --proof");
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(0);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Verify() {
    }
}
