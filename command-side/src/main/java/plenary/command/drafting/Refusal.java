package plenary.command.drafting;

import java.util.Map;

/**
 * A command the rules turned down. Nothing was applied. {@code details} tells the client what blocks it
 * (the open brackets, the paragraph's current text …) and becomes part of the problem response.
 */
abstract sealed class Refusal extends RuntimeException
        permits Refusal.Forbidden, Refusal.NotFound, Refusal.Conflict, Refusal.Invalid {

    private final Map<String, Object> details;

    Refusal(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The actor's role may not do this, or the delegation is not admitted to the draft. */
    static final class Forbidden extends Refusal {
        Forbidden(String message) {
            super(message, Map.of());
        }
    }

    static final class NotFound extends Refusal {
        NotFound(String message) {
            super(message, Map.of());
        }
    }

    /** The rules forbid it now. */
    static final class Conflict extends Refusal {
        Conflict(String message, Map<String, Object> details) {
            super(message, details);
        }
    }

    static final class Invalid extends Refusal {
        Invalid(String message) {
            super(message, Map.of());
        }

        Invalid(String message, Map<String, Object> details) {
            super(message, details);
        }
    }
}
