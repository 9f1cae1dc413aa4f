package plenary.local;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of this test's own, from the machine's RabbitMQ binaries: its own node name, ports, database, logs
 * and Erlang cookie (its home is a temporary directory), with the STOMP plugin on a port of its own. A test may stop
 * and restart it without touching the RabbitMQ at 127.0.0.1:5672 that every other test (and engineer) uses. CI fails
 * without the binaries; elsewhere the test is skipped.
 */
final class PrivateRabbit implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");

    final int stompPort;
    final String node;
    private final Path dir;
    private final Map<String, String> environment = new HashMap<>();
    private Process server;

    private PrivateRabbit(Path dir, int amqpPort, int distPort, int stompPort) {
        this.dir = dir;
        this.stompPort = stompPort;
        this.node = "plenary" + stompPort + "@localhost";
        environment.putAll(Map.of("HOME", dir.toString(), "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_PORT", String.valueOf(amqpPort), "RABBITMQ_DIST_PORT", String.valueOf(distPort),
                "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(), "RABBITMQ_LOG_BASE", dir.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString(),
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbit.conf").toString(),
                "RABBITMQ_PID_FILE", dir.resolve("pid").toString()));
    }

    static PrivateRabbit start() throws Exception {
        boolean installed = Files.isExecutable(BIN.resolve("rabbitmq-server")) && Files.isExecutable(BIN.resolve("rabbitmqctl"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no RabbitMQ binaries under " + BIN);
        }
        Assumptions.assumeTrue(installed, "no RabbitMQ binaries under " + BIN);
        Path dir = Files.createTempDirectory("plenary-private-rabbit-");
        PrivateRabbit rabbit = new PrivateRabbit(dir, Cluster.freePort(), Cluster.freePort(), Cluster.freePort());
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
        Files.writeString(dir.resolve("rabbit.conf"), "listeners.tcp.default = 127.0.0.1:"
                + rabbit.environment.get("RABBITMQ_NODE_PORT") + "\nstomp.listeners.tcp.1 = 127.0.0.1:" + rabbit.stompPort
                + "\n");
        rabbit.up();
        return rabbit;
    }

    /** Starts the node and waits until its STOMP plugin listens. */
    void up() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()));
        builder.environment().putAll(environment);
        server = builder.start();
        ctl(120, "wait", dir.resolve("pid").toString(), "--timeout", "120");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!listening()) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new IOException("RabbitMQ node " + node + " does not listen for STOMP on " + stompPort + "; see " + dir);
            }
            Thread.sleep(100);
        }
    }

    /** Stops the node as a restart does: every client connection closed, the node gone. */
    void down() throws Exception {
        ctl(120, "stop", dir.resolve("pid").toString());
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stompPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null && server.isAlive()) {
                ctl(60, "stop", dir.resolve("pid").toString());
            }
        } catch (IOException e) {
            // stopped already, or it will be now
        } finally {
            if (server != null && server.isAlive() && !server.waitFor(20, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void ctl(int seconds, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
