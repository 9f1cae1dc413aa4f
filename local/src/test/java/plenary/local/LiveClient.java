package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
    private final Map<String, StompSession.Subscription> subscriptions = new ConcurrentHashMap<>();
    private final StompSession session;

    public LiveClient(int port, String user) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.setLogin(user);
        connect.setPasscode(user);
        session = STOMP.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        errors.add(String.valueOf(headers.getFirst("message"))); // only ERROR frames come here
                    }

                    @Override
                    public void handleTransportError(StompSession session, Throwable exception) {
                        errors.add("connection lost: " + exception.getMessage());
                    }
                }).get(10, TimeUnit.SECONDS);
        session.setAutoReceipt(true);
    }

    private static WebSocketStompClient stompClient() {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(1024 * 1024); // a whole imported draft comes in one message
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient(container));
        stomp.setMessageConverter(new MappingJackson2MessageConverter());
        stomp.setInboundMessageSizeLimit(1024 * 1024);
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setDaemon(true);
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler); // receipts and heartbeats
        return stomp;
    }

    /** Subscribes and waits for the broker's receipt, so nothing published afterwards can be missed. */
    public void subscribe(String destination) throws InterruptedException {
        subscribe(destination, received);
    }

    /**
     * Subscribes, delivering into {@code into}, and waits for the receipt.
     *
     * @throws Refused when Plenary answers with an ERROR frame instead
     */
    public void subscribe(String destination, BlockingQueue<JsonNode> into) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                into.add((JsonNode) payload);
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
            session.disconnect();
        }
    }
}
