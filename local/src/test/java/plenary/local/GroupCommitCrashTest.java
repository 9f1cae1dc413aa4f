package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit loses nothing and reorders nothing: 32 delegations write to one draft, so that the command side
 * commits their commands in batches, and the command side, a process of its own, is killed with SIGKILL while they
 * write. Every command it acknowledged is in the record afterwards, at the version it was answered, in each
 * writer's order; no refused command is there; and the draft goes on from where the record ends, its record intact.
 */
class GroupCommitCrashTest {

    static final int WRITERS = 32;
    static final String[] DELEGATIONS = {"kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur"};

    /** A command a writer sent and the answer it got. */
    record Answered(int writer, int n, String marker, int status, long version) {
    }

    @Test
    void everyAcknowledgedCommandSurvivesAKillInTheMiddleOfABatch() throws Exception {
        DevDatabase db = DevDatabase.forTests();
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target")).resolve("group-commit-crash-command-side.log");
        Process commandSide = startCommandSide(db, port, log);
        String draft;
        List<Answered> answers = new ArrayList<>();
        AtomicInteger cutOff = new AtomicInteger();
        try {
            awaitUp(commandSide, port, log);
            draft = draft(port);
            ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
            AtomicInteger acknowledged = new AtomicInteger();
            CountDownLatch enough = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Client client = new Client(port, DELEGATIONS[w % DELEGATIONS.length]).timeout(Duration.ofSeconds(20));
                Thread thread = new Thread(() -> {
                    for (int n = 0; ; n++) {
                        String marker = "w" + writer + "n" + n + "z";
                        Client.Response answer;
                        try {
                            // every seventh command is refused (no such bracket): it must leave no trace, and
                            // its batch-mates must not suffer for it
                            answer = n % 7 == 6
                                    ? client.postJson("/api/drafts/" + draft + "/brackets/b0/alternatives",
                                    Map.of("text", "refused " + marker))
                                    : client.postJson("/api/drafts/" + draft + "/paragraphs",
                                    Map.of("section", "OPERATIVE", "text", "Parties note " + marker + "."));
                        } catch (Throwable cut) {
                            cutOff.incrementAndGet(); // the command side died with this command unanswered
                            return;
                        }
                        long version = answer.status() == 201 ? answer.json().get("version").asLong() : -1;
                        answered.add(new Answered(writer, n, marker, answer.status(), version));
                        if (answer.status() == 201 && acknowledged.incrementAndGet() >= 400) {
                            enough.countDown();
                        }
                    }
                }, "writer-" + w);
                thread.start();
                writers.add(thread);
            }
            assertThat(enough.await(3, TimeUnit.MINUTES)).as("400 commands acknowledged in time").isTrue();
            commandSide.destroyForcibly(); // SIGKILL: no shutdown hook, no last commit
            commandSide.waitFor(30, TimeUnit.SECONDS);
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
            answers.addAll(answered);
        } finally {
            commandSide.destroyForcibly();
        }

        assertThat(cutOff.get()).as("writers were cut off mid-command by the kill").isPositive();
        assertThat(answers).as("only created and refused (404) answers")
                .allMatch(a -> a.status() == 201 || a.status() == 404);

        Map<Long, String> stored = new HashMap<>();
        int largestTransaction;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT sequenceNumber, convert_from(payload, 'UTF8') "
                    + "FROM DomainEventEntry WHERE aggregateIdentifier = '" + draft + "'")) {
                while (rs.next()) {
                    stored.put(rs.getLong(1) + 1, rs.getString(2));
                }
            }
            // rows that one transaction inserted share its xmin: more than one means a batch was committed
            try (ResultSet rs = s.executeQuery("SELECT max(n) FROM (SELECT count(*) AS n FROM DomainEventEntry "
                    + "WHERE aggregateIdentifier = '" + draft + "' GROUP BY xmin::text) batches")) {
                rs.next();
                largestTransaction = rs.getInt(1);
            }
        }
        assertThat(largestTransaction).as("several writers' commands committed in one transaction").isGreaterThan(1);
        assertThat(stored.keySet()).as("versions 1 to n without a gap")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, stored.size())
                        .boxed().toList());
        for (Answered a : answers) {
            if (a.status() == 201) {
                assertThat(stored.get(a.version())).as("acknowledged %s at version %d", a.marker(), a.version())
                        .contains("Parties note " + a.marker() + ".");
            } else {
                assertThat(stored.values()).as("refused %s", a.marker()).noneMatch(p -> p.contains(a.marker()));
            }
        }
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            List<Long> versions = answers.stream().filter(a -> a.writer() == writer && a.status() == 201)
                    .sorted((x, y) -> Integer.compare(x.n(), y.n())).map(Answered::version).toList();
            assertThat(versions).as("writer %d's commands recorded in the order it sent them", w).isSorted()
                    .doesNotHaveDuplicates();
        }

        // the draft goes on from where the record ends, and its record is intact
        try (Plenary plenary = Plenary.start(db, 0, 0)) {
            Client.Response next = new Client(plenary.commandPort(), "kaz").postJson("/api/drafts/" + draft
                    + "/paragraphs", Map.of("section", "OPERATIVE", "text", "Parties note the end."));
            assertThat(next.status()).as(next.body()).isEqualTo(201);
            assertThat(next.json().get("version").asLong()).isEqualTo(stored.size() + 1);
            Client auditor = new Client(plenary.queryPort(), "auditor");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Client.Response shown = auditor.get("/api/drafts/" + draft);
                return shown.status() == 200 && shown.json().get("version").asLong() == stored.size() + 1;
            });
            JsonNode verdict = auditor.get("/api/drafts/" + draft + "/verify").json();
            assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
            assertThat(verdict.get("events").asLong()).isEqualTo(stored.size() + 1);
        }
    }

    /** The command side alone, in a JVM of its own, on the test's database, with local mode's demo accounts. */
    private static Process startCommandSide(DevDatabase db, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "plenary.command.CommandSideApplication", "--spring.profiles.active=local",
                "--server.port=" + port, "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--plenary.identity.token-key=" + Base64.getEncoder().encodeToString(key),
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitUp(Process commandSide, int port, Path log) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!commandSide.isAlive()) {
                throw new AssertionError("the command side exited:\n" + Files.readString(log));
            }
            try {
                return new Client(port, "secretariat").get("/v3/api-docs").status() == 200;
            } catch (AssertionError notYet) {
                return false;
            }
        });
    }

    /** A draft with the nine delegations admitted. */
    private static String draft(int port) {
        Client secretariat = new Client(port, "secretariat");
        Client.Response made = secretariat.post("/api/drafts/import", "text/markdown", "1. Parties shall act.\n");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String draft = made.json().get("draftId").asText();
        for (String code : DELEGATIONS) {
            assertThat(secretariat.postJson("/api/drafts/" + draft + "/delegations", Map.of("code", code,
                    "name", "the delegation of " + code.toUpperCase(), "participation", "CONFIRMED")).status())
                    .isEqualTo(200);
        }
        return draft;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
