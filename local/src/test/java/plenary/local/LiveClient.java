package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A STOMP client over WebSocket, logging in with CONNECT's login and passcode as a browser client does. */
public final class LiveClient implements AutoCloseable {

    public final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocketStompClient stomp;
    private final StompSession session;

    public LiveClient(int port, String user) throws Exception {
        stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new MappingJackson2MessageConverter());
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        stomp.setTaskScheduler(scheduler); // receipts and heartbeats
        StompHeaders connect = new StompHeaders();
        connect.setLogin(user);
        connect.setPasscode(user);
        session = stomp.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect,
                new StompSessionHandlerAdapter() {
                }).get(10, TimeUnit.SECONDS);
        session.setAutoReceipt(true);
    }

    /** Subscribes and waits for the broker's receipt, so nothing published afterwards can be missed. */
    public void subscribe(String destination) throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add((JsonNode) payload);
            }
        }).addReceiptTask(subscribed::countDown);
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no receipt for SUBSCRIBE " + destination);
        }
    }

    public JsonNode next() throws InterruptedException {
        JsonNode message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no live message within 10 s");
        }
        return message;
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        stomp.stop();
    }
}
