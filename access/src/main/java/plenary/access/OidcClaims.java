package plenary.access;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import plenary.identity.Role;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who an organisation's identity provider says someone is, read from its token's claims as configured
 * ({@code plenary.identity.oidc.*}): the user ({@code user-claim}, default {@code preferred_username}), the role
 * ({@code role-claim}, default {@code plenary_role}; a string or a list, a dotted path reaches into objects such as
 * Keycloak's {@code realm_access.roles}; {@code role-prefix} is taken off each value) and the delegation
 * ({@code delegation-claim}, default {@code plenary_delegation}).
 */
public record OidcClaims(String issuer, String audience, String userClaim, String roleClaim, String rolePrefix,
                         String delegationClaim) {

    static final String PREFIX = "plenary.identity.oidc.";

    /** The provider's settings, if one is configured ({@code plenary.identity.oidc.issuer-uri}). */
    public static Optional<OidcClaims> from(Environment environment) {
        String issuer = environment.getProperty(PREFIX + "issuer-uri", "");
        if (issuer.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OidcClaims(issuer.strip(), environment.getProperty(PREFIX + "audience", ""),
                environment.getProperty(PREFIX + "user-claim", "preferred_username"),
                environment.getProperty(PREFIX + "role-claim", "plenary_role"),
                environment.getProperty(PREFIX + "role-prefix", ""),
                environment.getProperty(PREFIX + "delegation-claim", "plenary_delegation")));
    }

    /** Someone as Plenary knows them. */
    public record Identity(String user, Role role, String delegation) {
    }

    /** @throws InvalidBearerTokenException naming the claim that is missing or holds no Plenary role */
    public Identity identity(Map<String, Object> claims) {
        Object user = claims.get(userClaim);
        if (user == null || user.toString().isBlank()) {
            user = claims.get("sub");
        }
        Role role = role(claim(claims, roleClaim));
        Object delegation = claim(claims, delegationClaim);
        String code = delegation instanceof Collection<?> list ? list.stream().findFirst().map(Object::toString).orElse(null)
                : delegation == null ? null : delegation.toString();
        if (role == Role.DELEGATION && (code == null || !code.matches("[A-Za-z]{3}"))) {
            throw refused("a delegation's token needs its ISO 3166 alpha-3 code in the claim " + delegationClaim);
        }
        return new Identity(String.valueOf(user), role, role == Role.DELEGATION ? code.toLowerCase(Locale.ROOT) : null);
    }

    private Role role(Object value) {
        List<?> values = value instanceof Collection<?> list ? List.copyOf(list) : value == null ? List.of() : List.of(value);
        Role found = null;
        for (Object v : values) {
            String name = v.toString();
            if (!rolePrefix.isEmpty()) {
                if (!name.startsWith(rolePrefix)) {
                    continue;
                }
                name = name.substring(rolePrefix.length());
            }
            try {
                Role role = Role.valueOf(name.toUpperCase(Locale.ROOT));
                if (found != null && found != role) {
                    throw refused("the claim " + roleClaim + " names two Plenary roles, " + found + " and " + role);
                }
                found = role;
            } catch (IllegalArgumentException notOurs) {
                // another application's role: not ours to read
            }
        }
        if (found == null) {
            throw refused("the claim " + roleClaim + " names no Plenary role (" + rolePrefix + "secretariat, chair, "
                    + "delegation, auditor or observer)");
        }
        return found;
    }

    /** A claim by dotted path: {@code realm_access.roles}. */
    static Object claim(Map<String, Object> claims, String path) {
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    private static InvalidBearerTokenException refused(String why) {
        return new InvalidBearerTokenException(why);
    }

    static OAuth2Error error(String why) {
        return new OAuth2Error("invalid_token", why, null);
    }
}
