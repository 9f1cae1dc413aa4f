package plenary.query.identity;

import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import plenary.access.Identities;
import plenary.access.OidcClaims;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web client's sign-in through an organisation's OIDC provider, when {@code plenary.identity.oidc.client-id} is
 * set (with {@code issuer-uri} and {@code client-secret}): {@code /login} hands over to the provider, and the role
 * and delegation come from the ID token's claims as {@link OidcClaims} maps them.
 */
final class OidcLogin {

    static final String REGISTRATION = "oidc";

    static Optional<InMemoryClientRegistrationRepository> clients(Environment environment) {
        Optional<OidcClaims> oidc = OidcClaims.from(environment);
        String clientId = environment.getProperty("plenary.identity.oidc.client-id", "");
        if (oidc.isEmpty() || clientId.isBlank()) {
            return Optional.empty();
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.get().issuer())
                .registrationId(REGISTRATION).clientId(clientId)
                .clientSecret(environment.getProperty("plenary.identity.oidc.client-secret", ""))
                .scope(List.of(environment.getProperty("plenary.identity.oidc.scopes", "openid,profile").split(",")))
                .userNameAttributeName(oidc.get().userClaim())
                .build();
        return Optional.of(new InMemoryClientRegistrationRepository(registration));
    }

    /** The provider's user, as Plenary's role and delegation; a user the claims give no role is refused. */
    static GrantedAuthoritiesMapper authorities(OidcClaims claims) {
        return granted -> {
            Map<String, Object> all = new HashMap<>();
            for (GrantedAuthority authority : granted) {
                if (authority instanceof OidcUserAuthority oidc) {
                    all.putAll(oidc.getIdToken().getClaims());
                    if (oidc.getUserInfo() != null) {
                        all.putAll(oidc.getUserInfo().getClaims());
                    }
                }
            }
            OidcClaims.Identity who = claims.identity(all);
            return (Collection<? extends GrantedAuthority>) Identities.authorities(who.role(), who.delegation());
        };
    }

    private OidcLogin() {
    }
}
