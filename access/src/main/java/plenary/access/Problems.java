package plenary.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/**
 * Writes refusals as application/problem+json where no controller advice reaches: in the security filters and
 * the servlet filters. Controllers' refusals go through each side's advice, with the same shape.
 */
public final class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * 401 for a request without valid credentials. Only clients that are not browsers are challenged for HTTP Basic
     * (a browser would open its own password dialog and then remember the password for every later request, cross-site
     * ones included); a rejected bearer token is answered with its Bearer error instead.
     */
    public AuthenticationEntryPoint signIn() {
        return (request, response, e) -> {
            if (e instanceof OAuth2AuthenticationException bearer) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"" + bearer.getError().getErrorCode() + "\"");
                write(response, HttpStatus.UNAUTHORIZED, "the bearer token was refused: " + e.getMessage());
                return;
            }
            if (!BrowserGuard.isBrowser(request) && !request.getRequestURI().endsWith("/api/session")) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"plenary\"");
            }
            write(response, HttpStatus.UNAUTHORIZED,
                    "sign in: HTTP Basic, a bearer token (Authorization: Bearer …) or, in a browser, /login");
        };
    }

    /** 403: signed in, but the role (or the draft) does not allow it, or the session's CSRF token is missing. */
    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                ? "a request signed in by the session needs its CSRF token: send the XSRF-TOKEN cookie's value "
                + "in the X-XSRF-TOKEN header (or the _csrf form field)"
                : e instanceof AuthorizationDeniedException denied && denied.getAuthorizationResult() instanceof Refused r
                ? r.reason()
                : "your role may not do this: " + request.getMethod() + " " + request.getRequestURI());
    }
}
