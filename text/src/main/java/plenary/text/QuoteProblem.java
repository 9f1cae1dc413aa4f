package plenary.text;

/** A quote that cannot be bracketed as asked. The message says why in the negotiators' words. */
public class QuoteProblem extends RuntimeException {

    public enum Kind { NOT_FOUND, CROSSES_STRUCTURE }

    private final Kind kind;

    public QuoteProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
