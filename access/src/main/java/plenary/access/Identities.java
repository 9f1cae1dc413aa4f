package plenary.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import plenary.identity.Actor;
import plenary.identity.Role;

import java.util.List;
import java.util.Locale;

/**
 * One way to say who someone is, whatever signed them in (an account's password, a session, a bearer token): an
 * authority for the role ({@code ROLE_DELEGATION}) and one for the delegation ({@code DELEGATION_kaz}).
 */
public final class Identities {

    public static List<GrantedAuthority> authorities(Role role, String delegation) {
        return delegation == null
                ? List.of(new SimpleGrantedAuthority("ROLE_" + role))
                : List.of(new SimpleGrantedAuthority("ROLE_" + role),
                new SimpleGrantedAuthority("DELEGATION_" + delegation.toLowerCase(Locale.ROOT)));
    }

    /** The actor an authenticated user acts as. */
    public static Actor actor(Authentication authentication) {
        return Accounts.actor(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    private Identities() {
    }
}
