package plenary.access;

import plenary.identity.Actor;
import plenary.identity.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The accounts a side accepts. Local mode ships the demo accounts of API.md; any other profile takes them from
 * configuration ({@code plenary.accounts[n].user|password|role|delegation}) and refuses to start with a demo
 * password, so that a deployment never runs with "kaz/kaz".
 */
public final class Accounts {

    public record Account(String user, String password, Role role, String delegation) {
        public String[] authorities() {
            return delegation == null
                    ? new String[]{"ROLE_" + role}
                    : new String[]{"ROLE_" + role, "DELEGATION_" + delegation.toLowerCase(Locale.ROOT)};
        }
    }

    private final List<Account> accounts;

    private Accounts(List<Account> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    public List<Account> all() {
        return accounts;
    }

    /** @param property looks a configuration property up, null when absent */
    public static Accounts load(UnaryOperator<String> property, boolean localMode) {
        if (localMode) {
            return new Accounts(DemoAccounts.all().stream()
                    .map(a -> new Account(a.user(), "{noop}" + a.user(), a.role(),
                            a.role() == Role.DELEGATION ? a.user() : null))
                    .toList());
        }
        List<Account> configured = new ArrayList<>();
        for (int i = 0; property.apply("plenary.accounts[" + i + "].user") != null; i++) {
            String prefix = "plenary.accounts[" + i + "].";
            String user = property.apply(prefix + "user");
            String password = property.apply(prefix + "password");
            if (password == null || password.equals("{noop}" + user) || password.equals(user)) {
                throw new IllegalStateException("account " + user + " has no password or a demo password; "
                        + "demo accounts are for the local profile only");
            }
            Role role = Role.valueOf(property.apply(prefix + "role").toUpperCase(Locale.ROOT));
            configured.add(new Account(user, password, role,
                    role == Role.DELEGATION ? property.apply(prefix + "delegation") : null));
        }
        if (configured.isEmpty()) {
            throw new IllegalStateException("no accounts configured: set plenary.accounts[n].user/password/role"
                    + "/delegation, or run with the 'local' profile for the demo accounts");
        }
        return new Accounts(configured);
    }

    /** The actor an authenticated user acts as, from the authorities {@link Account#authorities()} gave it. */
    public static Actor actor(String user, Collection<String> authorities) {
        Role role = null;
        String delegation = null;
        for (String authority : authorities) {
            if (authority.startsWith("ROLE_")) {
                role = Role.valueOf(authority.substring(5));
            } else if (authority.startsWith("DELEGATION_")) {
                delegation = authority.substring(11);
            }
        }
        if (role == null) {
            throw new IllegalStateException(user + " has no role");
        }
        return new Actor(user, delegation, role);
    }
}
