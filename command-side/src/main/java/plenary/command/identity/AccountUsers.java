package plenary.command.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import plenary.identity.Accounts;

/**
 * Spring Security's view of the accounts: one authority for the role, one for the delegation. Exposed as a
 * plain {@link UserDetailsService}: were it the manager itself, Spring would "upgrade" each password to bcrypt
 * on first login and then spend ~50 ms of bcrypt on every Basic-authenticated request.
 */
final class AccountUsers {

    static UserDetailsService of(Accounts accounts) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(accounts.all().stream()
                .map(a -> User.withUsername(a.user()).password(a.password()).authorities(a.authorities()).build())
                .toList());
        return users::loadUserByUsername;
    }

    private AccountUsers() {
    }
}
