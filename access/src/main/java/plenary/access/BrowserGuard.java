package plenary.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses what a hostile web page can make a visitor's browser send: a request from a page whose origin is not
 * allowed ({@code Origin}), and a cross-site request that is not a plain navigation ({@code Sec-Fetch-Site}). A
 * browser sets both headers itself; no page script can forge or remove them. Clients that are not browsers (curl,
 * scripts) send neither and pass.
 */
public final class BrowserGuard extends OncePerRequestFilter {

    private final WebOrigins origins;
    private final Problems problems;

    public BrowserGuard(WebOrigins origins, Problems problems) {
        this.origins = origins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            problems.write(response, HttpStatus.FORBIDDEN, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private String refusal(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return origins.allowed(request, origin) ? null
                    : "a browser request from a page at " + origin + ", which is not one of Plenary's web origins "
                    + "(plenary.web.origins)";
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site")) && !navigation(request)) {
            return "a cross-site browser request; open Plenary's own pages instead";
        }
        return null;
    }

    /** A link followed from another site to one of Plenary's pages: allowed, and read-only. */
    private static boolean navigation(HttpServletRequest request) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                && "document".equals(request.getHeader("Sec-Fetch-Dest"));
    }

    /** Browsers announce themselves with fetch metadata and Origin, which page scripts cannot set. */
    static boolean isBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Origin") != null;
    }
}
