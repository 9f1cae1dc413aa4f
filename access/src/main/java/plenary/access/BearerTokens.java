package plenary.access;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import plenary.identity.Role;

import java.text.ParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates {@code Authorization: Bearer} tokens, over HTTP on both sides and in STOMP CONNECT: Plenary's own
 * session tokens ({@link SessionTokens}). The token's issuer picks the key that must have signed it.
 */
public final class BearerTokens implements AuthenticationManager {

    private final Map<String, JwtAuthenticationProvider> byIssuer;

    public BearerTokens(SessionTokens sessions) {
        JwtAuthenticationProvider plenary = new JwtAuthenticationProvider(sessions.decoder());
        plenary.setJwtAuthenticationConverter(BearerTokens::plenaryIdentity);
        this.byIssuer = Map.of(SessionTokens.ISSUER, plenary);
    }

    /** @param authentication a {@link BearerTokenAuthenticationToken} */
    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidBearerTokenException("not a JWT");
        }
        JwtAuthenticationProvider provider = issuer == null ? null : byIssuer.get(issuer);
        if (provider == null) {
            throw new InvalidBearerTokenException("tokens from issuer " + issuer + " are not accepted here");
        }
        return provider.authenticate(authentication);
    }

    /** For STOMP CONNECT's {@code Authorization} header. */
    public Authentication authenticate(String token) throws AuthenticationException {
        return authenticate(new BearerTokenAuthenticationToken(token));
    }

    private static JwtAuthenticationToken plenaryIdentity(Jwt jwt) {
        Role role;
        try {
            role = Role.valueOf(String.valueOf(jwt.getClaimAsString(SessionTokens.ROLE)).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token names no role");
        }
        String delegation = jwt.getClaimAsString(SessionTokens.DELEGATION);
        if (role == Role.DELEGATION && (delegation == null || delegation.isBlank())) {
            throw new InvalidBearerTokenException("a delegation's token names no delegation");
        }
        return new JwtAuthenticationToken(jwt, Identities.authorities(role, role == Role.DELEGATION ? delegation : null),
                jwt.getSubject());
    }
}
