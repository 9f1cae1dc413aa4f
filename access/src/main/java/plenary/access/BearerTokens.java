package plenary.access;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import plenary.identity.Role;

import java.text.ParseException;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer} tokens, over HTTP on both sides and in STOMP CONNECT: Plenary's own
 * session tokens ({@link SessionTokens}) and, where one is configured, an organisation's OIDC provider's access
 * tokens ({@link OidcClaims}: signature from its published keys, issuer, expiry, audience if configured). The
 * token's issuer picks the provider whose keys must have signed it.
 */
public final class BearerTokens implements AuthenticationManager {

    private final Map<String, JwtAuthenticationProvider> byIssuer;

    public BearerTokens(SessionTokens sessions, Optional<OidcClaims> oidc) {
        JwtAuthenticationProvider plenary = new JwtAuthenticationProvider(sessions.decoder());
        plenary.setJwtAuthenticationConverter(BearerTokens::plenaryIdentity);
        Map<String, JwtAuthenticationProvider> providers = new HashMap<>(Map.of(SessionTokens.ISSUER, plenary));
        oidc.ifPresent(claims -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(claims.issuer()).build();
            OAuth2TokenValidator<Jwt> audience = jwt -> claims.audience().isBlank()
                    || (jwt.getAudience() != null && jwt.getAudience().contains(claims.audience()))
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(OidcClaims.error("not meant for " + claims.audience()));
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(claims.issuer()), audience));
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(jwt -> {
                OidcClaims.Identity who = claims.identity(jwt.getClaims());
                return new JwtAuthenticationToken(jwt, Identities.authorities(who.role(), who.delegation()), who.user());
            });
            providers.put(claims.issuer(), provider);
        });
        this.byIssuer = Map.copyOf(providers);
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
