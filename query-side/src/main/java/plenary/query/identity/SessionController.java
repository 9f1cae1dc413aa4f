package plenary.query.identity;

import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import plenary.access.Identities;
import plenary.access.SessionTokens;
import plenary.identity.Actor;

import java.time.Instant;

/**
 * {@code GET /api/session}: who is signed in, and a fresh session token for the command side and STOMP. The web
 * client keeps the token in memory only and asks again before {@code expiresAt}; it never sees a password.
 */
@RestController
class SessionController {

    static final String COMMAND_URL = "plenary.identity.command-url";

    record Session(String user, String role, String delegation, String token, Instant expiresAt, String commandUrl) {
    }

    private final SessionTokens tokens;
    private final Environment environment;

    SessionController(SessionTokens tokens, Environment environment) {
        this.tokens = tokens;
        this.environment = environment;
    }

    @GetMapping("/api/session")
    Session session(Authentication authentication) {
        Actor actor = Identities.actor(authentication);
        SessionTokens.Issued issued = tokens.issue(actor);
        return new Session(actor.user(), actor.role().name(), actor.delegation(), issued.token(), issued.expiresAt(),
                // read when asked: local mode names the command side once it has its port
                environment.getProperty(COMMAND_URL, ""));
    }
}
