package plenary.access;

import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Arrays;

/**
 * Spring Security's view of the accounts: one authority for the role, one for the delegation. Exposed as a plain
 * {@link UserDetailsService}: were it the manager itself, Spring would "upgrade" each password to bcrypt on first
 * login and then spend ~50 ms of bcrypt on every Basic-authenticated request.
 */
public final class AccountUsers {

    public static UserDetailsService of(Accounts accounts) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(accounts.all().stream()
                .map(a -> User.withUsername(a.user()).password(a.password()).authorities(a.authorities()).build())
                .toList());
        return users::loadUserByUsername;
    }

    /**
     * The demo accounts are on only when the {@code local} profile is the one active profile: a deployment whose
     * profile list merely contains {@code local} among others gets no "kaz/kaz".
     */
    public static boolean demo(Environment environment) {
        return Arrays.equals(environment.getActiveProfiles(), new String[]{"local"});
    }

    public static Accounts load(Environment environment) {
        return Accounts.load(environment::getProperty, demo(environment));
    }

    /** The accounts' users; with an OIDC provider configured, there may be none (everyone signs in there). */
    public static UserDetailsService users(Environment environment) {
        try {
            return of(load(environment));
        } catch (IllegalStateException e) {
            if (OidcClaims.from(environment).isPresent() && String.valueOf(e.getMessage()).startsWith("no accounts")) {
                return user -> {
                    throw new UsernameNotFoundException(user);
                };
            }
            throw e;
        }
    }

    private AccountUsers() {
    }
}
