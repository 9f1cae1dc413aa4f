package plenary.local;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A room to walk into: on an empty database, local mode imports the seed communiqué as a draft under negotiation
 * and admits the nine demo delegations, so that a newcomer can sign in as {@code kaz} and negotiate at once. It
 * goes through the public API as the secretariat would, so the demo is recorded like any other draft.
 */
public final class DemoRoom {

    /** The demo delegations with their names as the seed's opening paragraph writes them; IRN and PAK are pending. */
    static final Map<String, String> DELEGATIONS = new LinkedHashMap<>();

    static {
        DELEGATIONS.put("kaz", "the Republic of Kazakhstan");
        DELEGATIONS.put("kgz", "the Kyrgyz Republic");
        DELEGATIONS.put("tjk", "the Republic of Tajikistan");
        DELEGATIONS.put("tkm", "Turkmenistan");
        DELEGATIONS.put("afg", "the Islamic Republic of Afghanistan");
        DELEGATIONS.put("aze", "the Republic of Azerbaijan");
        DELEGATIONS.put("irn", "the Islamic Republic of Iran");
        DELEGATIONS.put("pak", "the Islamic Republic of Pakistan");
        DELEGATIONS.put("tur", "the Republic of Turkey");
    }

    private static final Pattern DRAFT_ID = Pattern.compile("\"draftId\"\\s*:\\s*\"([^\"]+)\"");

    /** Whether to open the demo room: on unless PLENARY_DEMO=false or -Dplenary.demo=false. */
    public static boolean wanted() {
        String value = System.getProperty("plenary.demo", System.getenv("PLENARY_DEMO"));
        return value == null || value.isBlank() || Boolean.parseBoolean(value.strip());
    }

    /** Imports the seed and admits the delegations if the event store is empty; answers the draft's id, or null. */
    public static String openIfEmpty(Plenary plenary) {
        JdbcTemplate db = new JdbcTemplate(plenary.commandSide().getBean(DataSource.class));
        if (Boolean.TRUE.equals(db.queryForObject("SELECT EXISTS (SELECT 1 FROM domainevententry)", Boolean.class))) {
            return null;
        }
        return open(plenary.commandPort());
    }

    /** Imports the seed and admits the delegations, whatever the database holds; answers the draft's id. */
    public static String open(int commandPort) {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + commandPort + "/api/drafts";
        String created = send(http, post(base + "/import", "text/markdown", seed()), 201);
        Matcher id = DRAFT_ID.matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("the import answered no draftId: " + created);
        }
        String draftId = id.group(1);
        for (var delegation : DELEGATIONS.entrySet()) {
            boolean pending = delegation.getKey().equals("irn") || delegation.getKey().equals("pak");
            send(http, post(base + "/" + draftId + "/delegations", "application/json",
                    "{\"code\":\"%s\",\"name\":\"%s\",\"participation\":\"%s\"}".formatted(delegation.getKey(),
                            delegation.getValue(), pending ? "PENDING" : "CONFIRMED")), 200);
        }
        return draftId;
    }

    /** The seed as a draft under negotiation: its status line says so until the secretariat finalises it. */
    static String seed() {
        try (InputStream in = DemoRoom.class.getResourceAsStream("/demo/almaty-process-communique-2013.md")) {
            if (in == null) {
                throw new IllegalStateException("the seed is missing from the jar (demo/almaty-process-communique-2013.md)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("(?m)^Final$", "Draft");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest post(String url, String type, String body) {
        String secretariat = Base64.getEncoder().encodeToString("secretariat:secretariat".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + secretariat)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String send(HttpClient http, HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("demo room: " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private DemoRoom() {
    }
}
