package plenary.local;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * RabbitMQ's STOMP plugin, which the relay tests need: 127.0.0.1:61613 unless {@code PLENARY_LIVE_RELAY_HOST} and
 * {@code _PORT} say otherwise. CI ({@code CI=true}, where {@code .ci/run} starts it) fails without it; elsewhere
 * those tests are skipped, so that {@code mvn -B verify} still needs only a JDK and Maven.
 */
final class Rabbit {

    static final String HOST = env("PLENARY_LIVE_RELAY_HOST", "127.0.0.1");
    static final int STOMP_PORT = Integer.parseInt(env("PLENARY_LIVE_RELAY_PORT", "61613"));

    static void assumeStomp() {
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, STOMP_PORT), 2000);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        String where = "RabbitMQ's STOMP plugin at " + HOST + ":" + STOMP_PORT;
        if (!reachable && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(where + " is not reachable; .ci/run starts it");
        }
        Assumptions.assumeTrue(reachable, where + " is not reachable");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private Rabbit() {
    }
}
