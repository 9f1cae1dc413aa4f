package plenary.local;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import plenary.devdb.DevDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code java -jar local/target/plenary-local.jar scale-out}: two command-side nodes and two query-side nodes, each
 * its own process, against one PostgreSQL ({@code PLENARY_DB_URL}, else the embedded one of local mode) and
 * RabbitMQ's STOMP plugin (127.0.0.1:61613, guest; {@code PLENARY_LIVE_RELAY_HOST}, {@code _PORT}, {@code _LOGIN},
 * {@code _PASSCODE}). Separate processes, so that one can die (kill -9) while the others carry on, exactly as in a
 * deployment. Ctrl-C stops them all; a node also stops when this launcher dies.
 * <p>
 * {@code PLENARY_PORTS} changes the ports: command 1, query 1, command 2, query 2 (default 8081,8082,8083,8084).
 */
final class ScaleOut {

    /** One node: its side, port, and process. */
    record Node(String side, int number, int port, Process process) {
        String url() {
            return "http://localhost:" + port + "/";
        }
    }

    private ScaleOut() {
    }

    static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("plenary.data", ".plenary/pg")).toAbsolutePath();
        int[] ports = Arrays.stream(System.getProperty("plenary.ports",
                        env("PLENARY_PORTS", "8081,8082,8083,8084")).split(","))
                .mapToInt(p -> Integer.parseInt(p.strip())).toArray();
        DevDatabase db = DevDatabase.persistent(data);
        Map<String, String> environment = Map.of("PLENARY_DB_URL", db.jdbcUrl(), "PLENARY_DB_USER", db.username(),
                "PLENARY_DB_PASSWORD", db.password(), "PLENARY_TOKEN_KEY", env("PLENARY_TOKEN_KEY", Plenary.newKey()));
        String origins = Stream.of(ports[1], ports[3])
                .flatMap(p -> Stream.of("http://localhost:" + p, "http://127.0.0.1:" + p))
                .collect(Collectors.joining(","));
        List<Node> nodes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Plenary scale-out: stopping");
            nodes.forEach(node -> node.process().destroy());
            nodes.forEach(ScaleOut::awaitExit);
            db.close();
        }, "plenary-stop"));
        // the first command node alone: on a fresh database it migrates, and in local mode it makes the record key
        nodes.add(launch("command", 1, ports[0], environment, "--plenary.web.origins=" + origins));
        awaitReady(nodes);
        String commandUrl = "--plenary.identity.command-url=http://localhost:" + ports[0];
        nodes.add(launch("query", 1, ports[1], environment, commandUrl, "--plenary.live.relay.enabled=true"));
        nodes.add(launch("command", 2, ports[2], environment, "--plenary.web.origins=" + origins));
        nodes.add(launch("query", 2, ports[3], environment, commandUrl, "--plenary.live.relay.enabled=true"));
        awaitReady(nodes);
        String demo = DemoRoom.wanted() && eventStoreEmpty(db) ? DemoRoom.open(ports[0]) : null;
        System.out.printf("""

                ──────────────────────────────────────────────────────────────────────
                 Plenary scale-out is ready (%s ms)
                %s
                   web client    http://localhost:%d/ or http://localhost:%d/   (sign in as kaz, password kaz)%s
                   live (STOMP)  ws://localhost:{%d,%d}/ws through RabbitMQ
                   database      %s
                 Ctrl-C stops every node
                ──────────────────────────────────────────────────────────────────────
                %n""", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                nodes.stream().map(n -> "   %-7s node %d  %s".formatted(n.side(), n.number(), n.url()))
                        .collect(Collectors.joining("\n")),
                ports[1], ports[3],
                demo == null ? "" : "\n   demo room     the seed communiqué is open, with the nine delegations admitted",
                ports[1], ports[3], db.jdbcUrl());
        // stay up while the nodes run; if every node is gone, so is the launcher
        for (Node node : nodes) {
            node.process().onExit().join();
        }
    }

    /** Runs inside a node's process: one side, until its launcher goes. */
    static void node(String[] args) {
        boolean command = args[0].equals("command");
        int number = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        DevDatabase db = DevDatabase.persistent(Path.of(".plenary/pg"));
        ConfigurableApplicationContext side = Plenary.startSide(command, db,  port,
                Arrays.copyOfRange(args, 3, args.length));
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> System.exit(0)));
        int actual = ((WebServerApplicationContext) side).getWebServer().getPort();
        System.out.printf("Plenary %s node %d is up: http://localhost:%d/%n", args[0], number, actual);
    }

    private static Node launch(String side, int number, int port, Map<String, String> environment, String... more)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+ExitOnOutOfMemoryError"));
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, PlenaryLocal.class.getName()));
        }
        command.addAll(List.of("node", side, String.valueOf(number), String.valueOf(port)));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        return new Node(side, number, port, builder.start());
    }

    /** Until every node answers HTTP (any status: the API asks for credentials); a node that exits is a failure. */
    private static void awaitReady(List<Node> nodes) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (Node node : nodes) {
            while (true) {
                if (!node.process().isAlive()) {
                    throw new IllegalStateException("the " + node.side() + " node " + node.number() + " exited with "
                            + node.process().exitValue() + " before it was ready");
                }
                try {
                    http.send(HttpRequest.newBuilder(URI.create(node.url() + "api/drafts")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the " + node.side() + " node " + node.number()
                                + " did not answer on " + node.url());
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    private static void awaitExit(Node node) {
        try {
            if (!node.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                node.process().destroyForcibly();
            }
        } catch (InterruptedException e) {
            node.process().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean eventStoreEmpty(DevDatabase db) {
        try (var connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
             var rows = connection.createStatement().executeQuery("SELECT NOT EXISTS (SELECT 1 FROM domainevententry)")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read the event store", e));
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
