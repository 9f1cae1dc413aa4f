package plenary.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.util.WebUtils;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The web pages allowed to call this side from a browser: its own origin, and those configured in
 * {@code plenary.web.origins} (comma-separated, e.g. {@code https://plenary.example.org}). The command side is
 * given the query side's origin, where the web client is served. The setting is read when asked, so that local
 * mode can name the query side's origin once that side has its port.
 */
public final class WebOrigins {

    public static final String PROPERTY = "plenary.web.origins";

    private final Environment environment;

    public WebOrigins(Environment environment) {
        this.environment = environment;
    }

    public List<String> configured() {
        return Arrays.stream(environment.getProperty(PROPERTY, "").split(","))
                .map(WebOrigins::normalised).filter(o -> !o.isEmpty()).toList();
    }

    /** Whether a browser request from a page at {@code origin} may reach this side. */
    public boolean allowed(HttpServletRequest request, String origin) {
        return configured().contains(normalised(origin)) || WebUtils.isSameOrigin(new ServletServerHttpRequest(request));
    }

    /**
     * CORS for the configured origins: no cookies (the web client sends its bearer token), and the headers the
     * commands take. A request that is not cross-origin needs none, and is spared reading the setting: the filter
     * asks on every request.
     */
    public CorsConfigurationSource cors() {
        return request -> {
            if (!CorsUtils.isCorsRequest(request)) {
                return null;
            }
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(configured());
            cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key"));
            cors.setExposedHeaders(List.of("Idempotent-Replayed", "Location"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(Duration.ofHours(1));
            return cors;
        };
    }

    private static String normalised(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
