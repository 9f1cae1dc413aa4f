package plenary.command.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import plenary.identity.Accounts;

/** Spring Security's view of the accounts: one authority for the role, one for the delegation. */
final class AccountUsers {

    static InMemoryUserDetailsManager of(Accounts accounts) {
        return new InMemoryUserDetailsManager(accounts.all().stream()
                .map(a -> User.withUsername(a.user()).password(a.password()).authorities(a.authorities()).build())
                .toList());
    }

    private AccountUsers() {
    }
}
