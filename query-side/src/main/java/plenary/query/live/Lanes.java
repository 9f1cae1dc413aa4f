package plenary.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers a draft's change to its subscribers: the frame is encoded once per destination, not once per client (a
 * client's copy differs only in its subscription id), and written by {@code plenary.live.lanes} threads (one per core
 * by default), each serving its own share of the connections. A connection always belongs to the same lane, and each
 * lane takes the changes in the order they were published, so every client still gets them in version order. The
 * writes themselves never wait ({@link SendQueue}). A frame goes out as a binary WebSocket message, which STOMP
 * clients read as they read text (STOMP is bytes either way): Tomcat copies the bytes, where a text message would be
 * encoded to UTF-8 again for each client ({@code plenary.live.binary-frames=false} sends text). Spring's broker, which encodes and hands over each client's
 * copy on its one outbound thread, still carries everything else: receipts, errors, presence, heartbeats.
 *
 * <p>A client that falls too far behind is dropped by its {@link SendQueue}; the lane then sends it a heartbeat
 * through Spring's outbound channel, where the drop surfaces and Spring ends the session as for any other message.
 */
@Component
class Lanes implements DisposableBean {

    private final ExecutorService[] lanes;
    private final Map<String, SendQueue> connections = new ConcurrentHashMap<>();
    private final MessageChannel outbound;
    private final LiveMetrics metrics;
    private final Counter encoded;
    /** Changes go out as binary WebSocket frames (plain bytes for Tomcat to copy), or as text frames. */
    private final boolean binary;

    Lanes(@Value("${plenary.live.lanes:0}") int lanes, @Value("${plenary.live.binary-frames:true}") boolean binary,
          @Lazy @Qualifier("clientOutboundChannel") MessageChannel outbound, LiveMetrics metrics, MeterRegistry meters) {
        this.outbound = outbound;
        this.binary = binary;
        this.metrics = metrics;
        this.encoded = Counter.builder("plenary.live.encoded")
                .description("changes encoded for their subscribers: once per change and destination, not per client")
                .register(meters);
        int count = lanes > 0 ? lanes : Runtime.getRuntime().availableProcessors();
        this.lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            this.lanes[i] = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("live-lane-" + i + "-"));
        }
    }

    void opened(SendQueue connection) {
        connections.put(connection.getId(), connection);
    }

    void closed(String sessionId) {
        connections.remove(sessionId);
    }

    /** Sends {@code json} to every subscription of {@code destination} that {@code subscriptions} knows. */
    void publish(SubscriptionRegistry subscriptions, String destination, String messageId, byte[] json) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
        headers.setDestination(destination);
        MultiValueMap<String, String> subscribers =
                subscriptions.findSubscriptions(MessageBuilder.createMessage(json, headers.getMessageHeaders()));
        if (subscribers.isEmpty()) {
            return;
        }
        encoded.increment();
        String head = "MESSAGE\ndestination:" + escape(destination) + "\ncontent-type:application/json\n"
                + "content-length:" + json.length + "\nmessage-id:" + escape(messageId) + "\nsubscription:";
        Frame frame = new Frame(head.getBytes(StandardCharsets.UTF_8), json);
        for (int lane = 0; lane < lanes.length; lane++) {
            int mine = lane;
            lanes[lane].execute(() -> subscribers.forEach((session, ids) -> {
                if (laneOf(session) == mine) {
                    deliver(session, ids, frame);
                }
            }));
        }
    }

    /**
     * A change's frame but for the subscription id. Each client's copy is these bytes with its subscription id
     * between them; clients that chose the same id (every {@code @stomp/stompjs} client names its first
     * subscription {@code sub-0}) share one copy.
     */
    private final class Frame {
        private final byte[] head;
        private final byte[] json;
        private final Map<String, byte[]> bySubscription = new ConcurrentHashMap<>();

        Frame(byte[] head, byte[] json) {
            this.head = head;
            this.json = json;
        }

        /** The whole frame for subscription {@code id}, as a message of its own (a client's send consumes it). */
        WebSocketMessage<?> message(String id) {
            byte[] bytes = bySubscription.computeIfAbsent(id, this::encode);
            return binary ? new BinaryMessage(ByteBuffer.wrap(bytes)) : new TextMessage(bytes);
        }

        private byte[] encode(String id) {
            byte[] subscription = escape(id).getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[head.length + subscription.length + json.length + 3];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(subscription, 0, bytes, head.length, subscription.length);
            int body = head.length + subscription.length;
            bytes[body] = '\n';
            bytes[body + 1] = '\n';
            System.arraycopy(json, 0, bytes, body + 2, json.length);
            bytes[bytes.length - 1] = 0;
            return bytes;
        }
    }

    private void deliver(String session, List<String> subscriptionIds, Frame frame) {
        SendQueue connection = connections.get(session);
        if (connection == null) {
            return; // it closed since it subscribed
        }
        for (String subscription : subscriptionIds) {
            WebSocketMessage<?> message = frame.message(subscription);
            if (!connection.offer(message, message.getPayloadLength())) {
                dropped(session);
                return;
            }
        }
        metrics.delivered(subscriptionIds.size());
    }

    /** Lets Spring's outbound thread find the drop, as it would in a message of its own, and end the session. */
    private void dropped(String session) {
        SimpMessageHeaderAccessor heartbeat = SimpMessageHeaderAccessor.create(SimpMessageType.HEARTBEAT);
        heartbeat.setSessionId(session);
        outbound.send(MessageBuilder.createMessage(new byte[0], heartbeat.getMessageHeaders()));
    }

    private int laneOf(String session) {
        return (session.hashCode() & Integer.MAX_VALUE) % lanes.length;
    }

    /** STOMP 1.2 header escaping. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void destroy() {
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
    }
}
