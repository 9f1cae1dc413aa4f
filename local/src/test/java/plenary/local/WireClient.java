package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * STOMP over a WebSocket written by hand on a plain socket, for clients that misbehave on purpose: one that stops
 * reading (a laptop that sleeps, a slow link) or one that promises heartbeats and never sends them. Its receive
 * buffer is small and nothing reads ahead, so a stalled client really leaves the bytes with the server.
 */
public final class WireClient implements AutoCloseable {

    /** A STOMP frame as received: its command, headers in one string, and body; and whether it came as binary. */
    public record Frame(String command, String headers, String body, boolean binary) {
        public JsonNode json() {
            try {
                return Client.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    /** Completes with the close frame's code and reason, or with "lost" if the connection just ended. */
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private volatile boolean stalled;
    private int subscriptions;

    /** Connects and logs in; {@code heartbeat} is the CONNECT frame's heart-beat header, e.g. "0,0". */
    public WireClient(int port, String user, String heartbeat) throws Exception {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String response = readHandshake();
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("no WebSocket: " + response);
        }
        Thread reader = new Thread(this::read, "wire-client-" + user);
        reader.setDaemon(true);
        reader.start();
        send("CONNECT\naccept-version:1.2\nhost:localhost\nlogin:" + user + "\npasscode:" + user
                + "\nheart-beat:" + heartbeat + "\n\n");
        Frame connected = next();
        if (!connected.command().equals("CONNECTED")) {
            throw new AssertionError("not connected: " + connected);
        }
    }

    /** The server's answer to a WebSocket upgrade of /ws that carries {@code header} too (a request header line). */
    public static String upgrade(int port, String header) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + header + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            StringBuilder response = new StringBuilder();
            while (!response.toString().endsWith("\r\n\r\n")) {
                response.append((char) in.readByte());
            }
            return response.toString();
        }
    }

    /** Subscribes and waits for the receipt. */
    public void subscribe(String destination) throws Exception {
        String id = String.valueOf(subscriptions++);
        send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nreceipt:r" + id + "\n\n");
        Frame receipt = next();
        if (!receipt.command().equals("RECEIPT")) {
            throw new AssertionError("no receipt: " + receipt);
        }
    }

    /** Stops reading: what the server sends from now on piles up in TCP's buffers, and then in the server's. */
    public void stall() {
        stalled = true;
    }

    /** Reads again, everything that is waiting first. */
    public void resume() {
        stalled = false;
    }

    public Frame next() throws InterruptedException {
        Frame frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within 10 s");
        }
        return frame;
    }

    /** A masked text frame, as a client must send it. */
    private synchronized void send(String stompFrame) throws IOException {
        byte[] payload = (stompFrame + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) 0x81);
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        out.write(frame.array(), 0, frame.position());
        out.flush();
    }

    private String readHandshake() throws IOException {
        StringBuilder response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            response.append((char) in.readByte());
        }
        return response.toString();
    }

    private void read() {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = 0;
        try {
            while (true) {
                while (stalled) {
                    Thread.sleep(10);
                }
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    closed.complete(code + " " + reason);
                    return;
                }
                if (opcode != 0) {
                    messageOpcode = opcode; // a continuation (0) keeps the opcode its message began with
                }
                message.write(payload);
                if ((first & 0x80) != 0) {
                    received(message.toString(StandardCharsets.UTF_8), messageOpcode == 2);
                    message.reset();
                }
            }
        } catch (IOException | InterruptedException e) {
            closed.complete("lost");
        }
    }

    private void received(String text, boolean binary) {
        if (text.isBlank()) {
            return; // a heartbeat
        }
        String frame = text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
        int endOfCommand = frame.indexOf('\n');
        int endOfHeaders = frame.indexOf("\n\n");
        frames.add(new Frame(frame.substring(0, endOfCommand), frame.substring(endOfCommand + 1, endOfHeaders),
                frame.substring(endOfHeaders + 2), binary));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // it is closed either way
        }
    }
}
