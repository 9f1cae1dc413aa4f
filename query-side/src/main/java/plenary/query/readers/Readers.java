package plenary.query.readers;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import plenary.access.Identities;
import plenary.access.Refused;
import plenary.identity.Actor;

import java.util.List;

/**
 * Who reads a draft's record (its events, timeline, diff, verification, revisions and every past state) and follows
 * it live: the chair, the secretariat, auditors, and the delegations admitted to that draft, observers among them.
 * Everyone signed in reads a draft's current text. HTTP ({@link #record()}, {@link #text()}) and STOMP
 * ({@link #mayNotFollow}) ask this one rule.
 */
@Component
public class Readers {

    /** The selectors that ask for a past state rather than the current text. */
    static final List<String> PAST = List.of("version", "at", "revision");

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final Admissions admissions;

    Readers(Admissions admissions) {
        this.admissions = admissions;
    }

    /** Why this actor may not read the draft's record or follow it live; null when it may. */
    public String mayNotFollow(Actor actor, String draftId) {
        return switch (actor.role()) {
            case CHAIR, SECRETARIAT, AUDITOR -> null;
            case DELEGATION -> admissions.admitted(draftId, actor.delegation()) ? null
                    : "delegation " + actor.attribution() + " has not been admitted to draft " + draftId
                    + "; its record and live room are for the draft's participants";
            case OBSERVER -> "the observer reads its current text (GET /api/drafts/{d}, /text); the draft's record, "
                    + "its past states and its live room are for its participants";
        };
    }

    /** The draft's record, for the draft named by the path's {@code {draftId}}. */
    public AuthorizationManager<RequestAuthorizationContext> record() {
        return (authentication, context) -> decide(authentication.get(), context.getVariables().get("draftId"));
    }

    /** The draft's text: the current one for everyone signed in, a past one ({@code version}, {@code at},
     * {@code revision}) as the record. */
    public AuthorizationManager<RequestAuthorizationContext> text() {
        return (authentication, context) -> PAST.stream().anyMatch(p -> context.getRequest().getParameter(p) != null)
                ? decide(authentication.get(), context.getVariables().get("draftId"))
                : new AuthorizationDecision(signedIn(authentication.get()));
    }

    private AuthorizationDecision decide(Authentication authentication, String draftId) {
        if (!signedIn(authentication)) {
            return new AuthorizationDecision(false);
        }
        String refusal = draftId == null ? "no draft named" : mayNotFollow(Identities.actor(authentication), draftId);
        return refusal == null ? new AuthorizationDecision(true) : new Refused(refusal);
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !TRUST.isAnonymous(authentication);
    }
}
