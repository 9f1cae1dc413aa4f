package plenary.query.live;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Writes to one client without ever blocking the thread that sends, and drops the client once it falls too far
 * behind.
 *
 * <p>A few threads write to every client (Spring's outbound thread and the {@link Lanes}), so a blocking write to a
 * client that stopped reading would stall many. Spring's own limits (sendBufferSizeLimit, sendTimeLimit) cannot
 * prevent that: they engage only while a second thread sends to a session whose first send is stuck, and with one
 * thread, or with Spring's per-session publish order, there never is a second (spring-framework#25581). So each message is written
 * asynchronously, one at a time, and the rest wait here, bounded in bytes and in how long the current write may
 * take. Beyond either bound the client is dropped: Spring ends its session at once (it leaves presence, the broker
 * forgets its subscriptions) and the connection is closed with 1013 "try again later" and a reason. The client
 * reconnects and catches up with /events; nothing it missed is lost, because the record is in the read model.
 */
final class SendQueue extends WebSocketSessionDecorator {

    /** Tomcat's per-session bounds on a blocking send, and on the close frame when a message is in progress. */
    private static final List<String> TOMCAT_SEND_TIMEOUTS = List.of(
            "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT",
            "org.apache.tomcat.websocket.ABNORMAL_SESSION_CLOSE_SEND_TIMEOUT");

    private final RemoteEndpoint.Async remote;
    private final LiveLimits limits;
    private final Executor closer;
    /** A message waiting, with its size in bytes (a text message would encode itself again to count them). */
    private record Waiting(WebSocketMessage<?> message, int bytes) {
    }

    private final Queue<Waiting> waiting = new ArrayDeque<>();
    private final SendHandler written = this::written;
    private long waitingBytes;
    private long writingSince;
    private boolean writing;
    private boolean dropped;
    /** Why a lane dropped this client, until Spring hears of it on its next send ({@link #offer}). */
    private SessionLimitExceededException unreported;
    private CloseStatus closeWhenWritten;

    private SendQueue(WebSocketSession session, Session endpoint, LiveLimits limits, Executor closer) {
        super(session);
        this.remote = endpoint.getAsyncRemote();
        this.limits = limits;
        this.closer = closer;
        // a dropped client that reads again within the time limit gets its last message and then the reason
        TOMCAT_SEND_TIMEOUTS.forEach(timeout -> endpoint.getUserProperties().put(timeout, limits.sendTimeLimit().toMillis()));
    }

    /** Puts a send queue in front of every session the handler sees, and tells the lanes of it. */
    static WebSocketHandler around(WebSocketHandler handler, LiveLimits limits, Executor closer, Lanes lanes) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                Session endpoint = ((NativeWebSocketSession) session).getNativeSession(Session.class);
                SendQueue queue = new SendQueue(session, endpoint, limits, closer);
                lanes.opened(queue);
                super.afterConnectionEstablished(queue);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                lanes.closed(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    /**
     * Spring's outbound thread: receipts, errors, presence, heartbeats. Throws when this client falls too far behind,
     * and once more for a drop that a lane found ({@link #offer}): Spring then ends the session at once.
     */
    @Override
    public void sendMessage(WebSocketMessage<?> message) {
        if (!(message instanceof TextMessage || message instanceof BinaryMessage)) {
            throw new IllegalArgumentException("STOMP sends text and binary messages only, not " + message);
        }
        synchronized (this) {
            if (unreported != null) {
                SessionLimitExceededException drop = unreported;
                unreported = null;
                throw drop;
            }
        }
        enqueue(message, message.getPayloadLength());
    }

    /**
     * A lane's send: false if this message dropped the client. A lane cannot end the session itself, only Spring
     * can (forget its subscriptions, take it out of presence, count it dropped, close it), so the drop waits here
     * for Spring's next send to this session, which the lane then makes ({@link Lanes}). Closing the connection
     * directly would leave the client in its rooms until the close frame had waited out the stalled write.
     */
    boolean offer(WebSocketMessage<?> message, int bytes) {
        try {
            enqueue(message, bytes);
            return true;
        } catch (SessionLimitExceededException e) {
            synchronized (this) {
                unreported = e;
            }
            return false;
        }
    }

    private void enqueue(WebSocketMessage<?> message, int bytes) {
        synchronized (this) {
            if (dropped || closeWhenWritten != null) {
                return;
            }
            waiting.add(new Waiting(message, bytes));
            waitingBytes += bytes;
            String behind = behind();
            if (behind != null) {
                dropped = true;
                waiting.clear();
                throw new SessionLimitExceededException(behind, new CloseStatus(1013,
                        behind + "; reconnect and catch up with /events?after=<your version>"));
            }
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    /** Why this client is too far behind to keep, or null. */
    private String behind() {
        if (waitingBytes > limits.sendBufferLimit().toBytes()) {
            return "fell more than " + limits.sendBufferLimit().toBytes() + " bytes behind";
        }
        if (writing && System.nanoTime() - writingSince > limits.sendTimeLimit().toNanos()) {
            return "took no message for " + limits.sendTimeLimit().toSeconds() + " s";
        }
        return null;
    }

    private void writeNext() {
        WebSocketMessage<?> message;
        CloseStatus close = null;
        synchronized (this) {
            Waiting next = dropped ? null : waiting.poll();
            message = next == null ? null : next.message();
            if (next == null) {
                writing = false;
                close = dropped ? null : closeWhenWritten;
            } else {
                waitingBytes -= next.bytes();
                writingSince = System.nanoTime();
            }
        }
        if (message == null) {
            if (close != null) {
                closeNow(close);
            }
            return;
        }
        try {
            if (message instanceof TextMessage text) {
                remote.sendText(text.getPayload(), written);
            } else {
                remote.sendBinary(((BinaryMessage) message).getPayload(), written);
            }
        } catch (RuntimeException e) {
            failed(); // the connection closed under us
        }
    }

    private void written(SendResult result) {
        if (result.isOK()) {
            writeNext();
        } else {
            failed();
        }
    }

    private void failed() {
        synchronized (this) {
            dropped = true;
            waiting.clear();
        }
        closer.execute(() -> closeNow(CloseStatus.SESSION_NOT_RELIABLE));
    }

    /** Closes once what is queued has been written (an ERROR frame, say); a dropped client at once. */
    @Override
    public void close(CloseStatus status) {
        boolean gone;
        synchronized (this) {
            if (!dropped && writing) {
                closeWhenWritten = status;
                return;
            }
            gone = dropped;
        }
        if (gone) {
            // it may never read again: the closing handshake waits for its last write, up to the time limit
            closer.execute(() -> closeNow(status));
        } else {
            closeNow(status);
        }
    }

    private void closeNow(CloseStatus status) {
        try {
            getDelegate().close(status);
        } catch (IOException e) {
            // the connection is gone already, which is all closing wanted
        }
    }
}
