package plenary.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How a compilation text tags an alternative: who proposed it and who holds which position, as in
 * "(Mexico; G77: retain; EU, CANZ: delete)". Empty when nobody is on record.
 */
public final class Attribution {

    public static String of(Inline.Alternative alternative) {
        List<String> parts = new ArrayList<>();
        if (alternative.proposedBy() != null) {
            parts.add(alternative.proposedBy());
        }
        if (!alternative.supporters().isEmpty()) {
            parts.add(String.join(", ", alternative.supporters()) + ": retain");
        }
        if (!alternative.objectors().isEmpty()) {
            parts.add(String.join(", ", alternative.objectors()) + ": delete");
        }
        return parts.isEmpty() ? "" : "(" + String.join("; ", parts) + ")";
    }

    private Attribution() {
    }
}
