package plenary.access;

import org.springframework.security.authorization.AuthorizationDecision;

/** An authorization refused with its reason, which the 403's {@code detail} then gives instead of "Access Denied". */
public final class Refused extends AuthorizationDecision {

    private final String reason;

    public Refused(String reason) {
        super(false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
