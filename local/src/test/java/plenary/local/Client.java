package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client, as an outside client of Plenary would use it: a user, a password, JSON. */
public final class Client {

    public record Response(int status, String contentType, String body, HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers;
    private final Duration timeout;

    /** HTTP Basic as {@code user}, whose password is its name (local mode's demo accounts). */
    public Client(int port, String user) {
        this("http://localhost:" + port, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + user).getBytes(StandardCharsets.UTF_8)), Map.of(), Duration.ofSeconds(30));
    }

    private Client(String base, String authorization, Map<String, String> headers, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
        this.timeout = timeout;
    }

    /** {@code Authorization: Bearer <token>} instead of a password. */
    public static Client withToken(int port, String token) {
        return new Client("http://localhost:" + port, "Bearer " + token, Map.of(), Duration.ofSeconds(30));
    }

    /** No credentials at all. */
    public static Client anonymous(int port) {
        return new Client("http://localhost:" + port, null, Map.of(), Duration.ofSeconds(30));
    }

    /** The same client, sending this header too (If-Match, Idempotency-Key …). */
    public Client with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Client(base, authorization, more, timeout);
    }

    /** The same client, giving up on an answer after {@code timeout} with {@link TimedOut}. */
    public Client timeout(Duration timeout) {
        return new Client(base, authorization, headers, timeout);
    }

    /** No answer came in time; the request may still be carried out. */
    public static final class TimedOut extends RuntimeException {
        TimedOut(Throwable cause) {
            super(cause);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response postJson(String path, Object body) {
        try {
            return post(path, "application/json", JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A binary answer (DOCX, PDF) as its bytes. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method, with or without a body. */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (HttpTimeoutException e) {
            throw new TimedOut(e);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
