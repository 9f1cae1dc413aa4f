package plenary.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser sends, on the page it is on: its cookies for the query side, and the headers a browser sets itself
 * ({@code Origin} on unsafe and cross-origin requests, {@code Sec-Fetch-Site}, {@code Sec-Fetch-Mode}), which no page
 * script can forge. A page at another origin is a browser on a hostile page.
 */
public final class Browser {

    private final int queryPort;
    private final String pageOrigin;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /** A browser on one of the query side's own pages. */
    public Browser(int queryPort) {
        this(queryPort, "http://localhost:" + queryPort);
    }

    /** A browser on a page at {@code pageOrigin}. */
    public Browser(int queryPort, String pageOrigin) {
        this.queryPort = queryPort;
        this.pageOrigin = pageOrigin;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same cookie jar, now on a page at another origin (the user opened a hostile page in another tab). */
    public Browser on(String otherOrigin) {
        Browser other = new Browser(queryPort, otherOrigin);
        cookies.getCookieStore().getCookies().forEach(c -> other.cookies.getCookieStore().add(URI.create(
                "http://localhost:" + queryPort), c));
        return other;
    }

    /** Opens the sign-in page and posts the form as a person would: 302 to the page asked for, or to ?error. */
    public Client.Response signIn(String user, String password) {
        Client.Response page = navigate("/login");
        assertThat(page.status()).isEqualTo(200);
        return form("/login", Map.of("username", user, "password", password, "_csrf", csrfToken()));
    }

    public String csrfToken() {
        return cookie("XSRF-TOKEN");
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpCookie sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("PLENARY_SESSION"))
                .findFirst().orElse(null);
    }

    /** Typing the URL in the address bar, or following a link. */
    public Client.Response navigate(String path) {
        return send(HttpRequest.newBuilder(uri(queryPort, path)).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Site", site(queryPort)));
    }

    /** Following a redirect, wherever it leads (an identity provider, then back). */
    public Client.Response follow(String location) {
        URI uri = location.startsWith("http") ? URI.create(location) : uri(queryPort, location);
        return send(HttpRequest.newBuilder(uri).GET().header("Accept", "text/html")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Site", uri.getPort() == queryPort ? "same-origin" : "cross-site"));
    }

    /** A form the page posts (a hostile page can post one to any site). */
    public Client.Response form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri(queryPort, path))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", pageOrigin)
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Site", site(queryPort)));
    }

    /** The page's script calling {@code fetch} on the query side, with the cookies, plus these headers. */
    public Client.Response fetch(String method, String path, Map<String, String> headers, String contentType,
                                 String body) {
        return fetch(queryPort, method, path, headers, contentType, body);
    }

    /** The page's script calling {@code fetch} on any port of localhost. */
    public Client.Response fetch(int port, String method, String path, Map<String, String> headers, String contentType,
                                 String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Dest", "empty").header("Sec-Fetch-Site", site(port));
        if (!method.equals("GET") || !sameOrigin(port)) {
            request.header("Origin", pageOrigin);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Client.Response fetch(String method, String path) {
        return fetch(method, path, Map.of(), null, null);
    }

    /** The headers a page's script sends with its unsafe fetches on the query side: the CSRF token. */
    public Map<String, String> withCsrf() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-XSRF-TOKEN", csrfToken());
        return headers;
    }

    private boolean sameOrigin(int port) {
        return pageOrigin.equals("http://localhost:" + port);
    }

    /** Pages on any port of localhost are the same site; anything else is another site. */
    private String site(int port) {
        if (sameOrigin(port)) {
            return "same-origin";
        }
        return pageOrigin.startsWith("http://localhost:") || pageOrigin.startsWith("http://127.0.0.1:")
                ? "same-site" : "cross-site";
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Client.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Client.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
