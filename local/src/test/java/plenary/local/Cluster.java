package plenary.local;

import plenary.devdb.DevDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plenary scaled out as the scale-out launcher runs it: every node its own JVM (so that a test can kill -9 one), against
 * one test database and RabbitMQ. Nodes start from this test's class path, so unit-phase benchmarks can use it too;
 * each node's output goes to target/cluster/&lt;side&gt;-&lt;n&gt;.log.
 */
final class Cluster implements AutoCloseable {

    /** One node: restartable after it is killed. */
    final class Node {
        final String side;
        final int number;
        final int port;
        final List<String> extra;
        Process process;

        Node(String side, int number, int port, List<String> extra) {
            this.side = side;
            this.number = number;
            this.port = port;
            this.extra = extra;
        }

        void start() {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-cp", classPath(), PlenaryLocal.class.getName(),
                    "node", side, String.valueOf(number), String.valueOf(port)));
            command.addAll(extra);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(side + "-" + number + ".log").toFile()));
            builder.environment().putAll(environment);
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** kill -9: no shutdown hook, no goodbye to the database or the broker. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean ready() {
            try {
                Client.Response r = Client.anonymous(port).timeout(Duration.ofSeconds(5)).get("/actuator/health/readiness");
                return r.status() == 200;
            } catch (AssertionError | Client.TimedOut e) {
                return false;
            }
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (!ready()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(side + " node " + number + " exited; see " + dir);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(side + " node " + number + " not ready; see " + dir);
                }
                Thread.sleep(250);
            }
        }

        /** A Prometheus meter of this node summed over its series, or NaN. */
        double meter(String name, String labelFilter) {
            Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-0-9.eE+NaN]+)$", Pattern.MULTILINE);
            Matcher m = line.matcher(Client.anonymous(port).timeout(Duration.ofSeconds(10)).get("/actuator/prometheus").body());
            double sum = Double.NaN;
            while (m.find()) {
                if (labelFilter == null || (m.group(1) != null && m.group(1).contains(labelFilter))) {
                    double v = Double.parseDouble(m.group(2));
                    sum = Double.isNaN(sum) ? v : sum + v;
                }
            }
            return sum;
        }
    }

    final String url;
    final Path dir;
    final Map<String, String> environment;
    final List<Node> commands = new ArrayList<>();
    final List<Node> queries = new ArrayList<>();

    /** Two command nodes and two query nodes, the first command node started (and migrating) alone. */
    Cluster(String name) throws Exception {
        this(name, DevDatabase.forTests());
    }

    Cluster(String name, DevDatabase db) throws Exception {
        this(name, db.jdbcUrl(), db.username(), db.password());
    }

    Cluster(String name, String url, String user, String password) throws Exception {
        this(name, url, user, password, Rabbit.HOST, Rabbit.STOMP_PORT);
    }

    /** As above, the query nodes relaying to the STOMP broker at {@code relayHost:relayPort}. */
    Cluster(String name, String url, String user, String password, String relayHost, int relayPort) throws Exception {
        this.url = url;
        dir = Files.createDirectories(Path.of("target", "cluster", name)).toAbsolutePath();
        environment = Map.of("PLENARY_DB_URL", url, "PLENARY_DB_USER", user,
                "PLENARY_DB_PASSWORD", password, "PLENARY_TOKEN_KEY", Plenary.newKey(), "PLENARY_DEMO", "false",
                "PLENARY_LIVE_RELAY_HOST", relayHost, "PLENARY_LIVE_RELAY_PORT", String.valueOf(relayPort));
        int c1 = freePort(), q1 = freePort(), c2 = freePort(), q2 = freePort();
        String origins = "--plenary.web.origins=http://localhost:" + q1 + ",http://localhost:" + q2;
        commands.add(new Node("command", 1, c1, List.of(origins)));
        commands.add(new Node("command", 2, c2, List.of(origins)));
        String commandUrl = "--plenary.identity.command-url=http://localhost:" + c1;
        queries.add(new Node("query", 1, q1, List.of(commandUrl, "--plenary.live.relay.enabled=true")));
        queries.add(new Node("query", 2, q2, List.of(commandUrl, "--plenary.live.relay.enabled=true")));
        commands.get(0).start();
        commands.get(0).awaitReady();
        for (Node node : List.of(commands.get(1), queries.get(0), queries.get(1))) {
            node.start();
        }
        for (Node node : List.of(commands.get(1), queries.get(0), queries.get(1))) {
            node.awaitReady();
        }
    }

    /** The test's class path: surefire and failsafe start the JVM with a jar that only names it in its manifest. */
    private static String classPath() {
        String given = System.getProperty("surefire.test.class.path");
        if (given != null) {
            return given;
        }
        String path = System.getProperty("java.class.path");
        if (path.endsWith(".jar") && !path.contains(java.io.File.pathSeparator)) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path)) {
                String listed = jar.getManifest() == null ? null
                        : jar.getManifest().getMainAttributes().getValue("Class-Path");
                if (listed != null) {
                    List<String> entries = new ArrayList<>();
                    for (String url : listed.trim().split("\\s+")) {
                        entries.add(Path.of(java.net.URI.create(url)).toString());
                    }
                    return String.join(java.io.File.pathSeparator, entries);
                }
            } catch (IOException | IllegalArgumentException e) {
                return path;
            }
        }
        return path;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Node node : List.of(queries.get(0), queries.get(1), commands.get(0), commands.get(1))) {
            if (node.process != null) {
                node.process.destroy();
            }
        }
        for (Node node : List.of(queries.get(0), queries.get(1), commands.get(0), commands.get(1))) {
            if (node.process != null) {
                try {
                    if (!node.process.waitFor(30, TimeUnit.SECONDS)) {
                        node.process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    node.process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
