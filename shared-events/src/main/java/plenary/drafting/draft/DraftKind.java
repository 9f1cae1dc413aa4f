package plenary.drafting.draft;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of text, with the label the header prints. */
public enum DraftKind {
    COMMUNIQUE("Communiqué"), DECLARATION("Declaration"), RESOLUTION("Resolution"), DECISION("Decision"),
    AGREEMENT("Agreement");

    private final String label;

    DraftKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads "communique", "Communiqué" or "COMMUNIQUE" alike. */
    public static DraftKind parse(String text) {
        String plain = Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(plain)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + text + "'; one of "
                        + Arrays.toString(values())));
    }
}
