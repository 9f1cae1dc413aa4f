package plenary.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The STOMP broker behind {@code /ws} when several query-side nodes serve one deployment ({@code plenary.live.relay.*}):
 * off, the in-memory broker of this process (local mode); on, RabbitMQ's STOMP plugin through Spring's broker relay,
 * so that a change projected on one node reaches the clients of every node, and the rooms' presence is shared
 * through the database. A node that has not shown itself for {@code nodeTimeout} is taken for dead and its members
 * leave their rooms.
 */
@ConfigurationProperties("plenary.live.relay")
record LiveRelay(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
                 @DefaultValue("61613") int port, @DefaultValue("guest") String login,
                 @DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost,
                 @DefaultValue("5s") Duration nodeTimeout) {
}
