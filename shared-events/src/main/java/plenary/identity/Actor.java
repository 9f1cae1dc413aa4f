package plenary.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * Who did something: the authenticated user, the delegation they speak for (null unless a delegation)
 * and the role they acted in. Every event carries one, so attribution never depends on a side table.
 */
public record Actor(String user, String delegation, Role role) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
        if (role == Role.DELEGATION && (delegation == null || delegation.isBlank())) {
            throw new IllegalArgumentException("a delegation actor needs its delegation code");
        }
    }

    public static Actor of(String user, Role role) {
        return new Actor(user, role == Role.DELEGATION ? user : null, role);
    }

    /** The name a compilation text tags proposals with: "KAZ", "Chair", "Secretariat". */
    public String attribution() {
        if (delegation != null) {
            return delegation.toUpperCase(Locale.ROOT);
        }
        String r = role.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(r.charAt(0)) + r.substring(1);
    }
}
