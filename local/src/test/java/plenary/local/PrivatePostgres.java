package plenary.local;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of this test's own, from the machine's PostgreSQL binaries, on a port of its own: a test may
 * stop and restart it without touching the PostgreSQL that every other test (and engineer) uses. As root (CI) the
 * server runs as the {@code postgres} user, as PostgreSQL insists. CI fails without the binaries; elsewhere the test
 * is skipped.
 */
final class PrivatePostgres implements AutoCloseable {

    final int port;
    private final Path bin;
    private final Path data;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    private PrivatePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    static PrivatePostgres start() throws Exception {
        Optional<Path> bin = binaries();
        if (bin.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
        }
        Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql/*/bin");
        Path data = Files.createTempDirectory("plenary-private-pg-");
        PrivatePostgres pg = new PrivatePostgres(bin.get(), data, Cluster.freePort());
        if (pg.root) {
            run(List.of("chown", "postgres:postgres", data.toString()));
        }
        pg.as(bin.get().resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync");
        pg.up();
        return pg;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void up() throws Exception {
        as(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "60", "-l",
                data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1"
                        + " -c max_connections=200 -c fsync=off", "start");
    }

    /** A fast shutdown, as a restart does: open connections are cut, transactions rolled back. */
    void down() throws Exception {
        as(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-m", "fast", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            as(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-m", "immediate", "stop");
        } catch (RuntimeException | IOException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void as(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(Arrays.asList(command));
        run(line);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        }
    }
}
