package plenary.access;

import plenary.identity.Actor;
import plenary.identity.Role;

import java.util.List;

/** Local mode's demo accounts (API.md): the password equals the user name. */
public final class DemoAccounts {

    public record Account(String user, Role role) {
        public Actor actor() {
            return Actor.of(user, role);
        }
    }

    public static final List<String> DELEGATIONS =
            List.of("kaz", "kgz", "tjk", "tkm", "afg", "aze", "irn", "pak", "tur");

    public static List<Account> all() {
        var accounts = new java.util.ArrayList<Account>();
        accounts.add(new Account("secretariat", Role.SECRETARIAT));
        accounts.add(new Account("chair", Role.CHAIR));
        accounts.add(new Account("auditor", Role.AUDITOR));
        DELEGATIONS.forEach(code -> accounts.add(new Account(code, Role.DELEGATION)));
        accounts.add(new Account("observer", Role.OBSERVER));
        return List.copyOf(accounts);
    }

    private DemoAccounts() {
    }
}
