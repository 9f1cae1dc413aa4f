package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * A STOMP client over WebSocket, logging in with CONNECT's login and passcode as a browser client does. All
 * clients share one WebSocket container and scheduler, so that a test can open hundreds of them.
 */
public final class LiveClient implements AutoCloseable {

    /** Plenary answered with an ERROR frame; the message is its {@code message} header. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final WebSocketStompClient STOMP = stompClient();

    public final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    /** ERROR frames and lost connections, as they happen. */
    public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    /** When the latest of {@link #errors} came (System.nanoTime). */
    public volatile long lastErrorAt;
    private final Map<String, StompSession.Subscription> subscriptions = new ConcurrentHashMap<>();
    private final StompSession session;

    public LiveClient(int port, String user) throws Exception {
        this(port, new WebSocketHttpHeaders(), login(user));
    }

    /** Connects with these handshake headers (a browser's {@code Origin} …) and CONNECT headers. */
    public LiveClient(int port, WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
        session = STOMP.connectAsync("ws://localhost:" + port + "/ws", handshake, connect,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        lastErrorAt = System.nanoTime();
                        errors.add(String.valueOf(headers.getFirst("message"))); // only ERROR frames come here
                    }

                    @Override
                    public void handleTransportError(StompSession session, Throwable exception) {
                        lastErrorAt = System.nanoTime();
                        errors.add("connection lost: " + exception.getMessage());
                    }
                }).get(10, TimeUnit.SECONDS);
        session.setAutoReceipt(true);
    }

    private static StompHeaders login(String user) {
        StompHeaders connect = new StompHeaders();
        connect.setLogin(user);
        connect.setPasscode(user);
        return connect;
    }

    /** CONNECT with {@code Authorization: Bearer <token>}, as the web client does with its session token. */
    public static LiveClient withToken(int port, String token) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        return new LiveClient(port, new WebSocketHttpHeaders(), connect);
    }

    private static WebSocketStompClient stompClient() {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024); // a whole imported draft comes in one message
        container.setDefaultMaxBinaryMessageBufferSize(1024 * 1024); // and live changes come as binary frames
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        // bytes as they came for a load generator, which reads only the version; JSON for everyone else
        stomp.setMessageConverter(new CompositeMessageConverter(List.of(new ByteArrayMessageConverter() {
            @Override
            protected boolean supportsMimeType(MessageHeaders headers) {
                return true;
            }
        }, new MappingJackson2MessageConverter())));
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler); // receipts and heartbeats
        return stomp;
    }

    /**
     * Subscribes and waits for the broker's receipt, so nothing published afterwards can be missed; every
     * {@code subscribe} does, and throws {@link Refused} when Plenary answers with an ERROR frame instead.
     */
    public void subscribe(String destination) throws InterruptedException {
        subscribe(destination, received);
    }

    /** Subscribes, delivering into {@code into}. */
    public void subscribe(String destination, BlockingQueue<JsonNode> into) throws InterruptedException {
        subscribe(destination, (Consumer<JsonNode>) into::add);
    }

    /** Subscribes, handing each message to {@code onMessage} as it arrives. */
    public void subscribe(String destination, Consumer<JsonNode> onMessage) throws InterruptedException {
        subscribe(destination, JsonNode.class, body -> onMessage.accept((JsonNode) body));
    }

    private void subscribe(String destination, Class<?> type, Consumer<Object> onMessage) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return type;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                onMessage.accept(payload);
            }
        });
        subscription.addReceiptTask(subscribed::countDown);
        subscriptions.put(destination, subscription);
        for (long waited = 0; !subscribed.await(10, TimeUnit.MILLISECONDS); waited += 10) {
            if (!errors.isEmpty()) {
                throw new Refused(errors.peek());
            }
            if (waited > 10_000) {
                throw new AssertionError("no receipt for SUBSCRIBE " + destination);
            }
        }
    }

    /**
     * Subscribes, handing each message's version to {@code onVersion} as it arrives without parsing the rest:
     * a load generator's clients should cost the machine as little as possible.
     */
    public void subscribeToVersions(String destination, LongConsumer onVersion) throws InterruptedException {
        subscribe(destination, byte[].class, body -> onVersion.accept(version((byte[]) body)));
    }

    /** The top-level version of a change, the first "version" in its JSON. */
    private static long version(byte[] json) {
        String text = new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8);
        int at = text.indexOf("\"version\":") + 10;
        long version = 0;
        for (int i = at; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            version = version * 10 + (text.charAt(i) - '0');
        }
        return version;
    }

    public void unsubscribe(String destination) {
        subscriptions.remove(destination).unsubscribe();
    }

    /** Sends a JSON body to an application destination, e.g. the focus. */
    public void send(String destination, Object body) {
        session.send(destination, body);
    }

    public JsonNode next() throws InterruptedException {
        return next(received);
    }

    public static JsonNode next(BlockingQueue<JsonNode> from) throws InterruptedException {
        JsonNode message = from.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no live message within 10 s");
        }
        return message;
    }

    /** The next ERROR frame or lost connection. */
    public String nextError() throws InterruptedException {
        String error = errors.poll(10, TimeUnit.SECONDS);
        if (error == null) {
            throw new AssertionError("no error within 10 s");
        }
        return error;
    }

    public boolean connected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            try {
                session.disconnect();
            } catch (MessageDeliveryException e) {
                // the server closed it between the check and the DISCONNECT (after an ERROR frame, say): closed either way
            }
        }
    }
}
