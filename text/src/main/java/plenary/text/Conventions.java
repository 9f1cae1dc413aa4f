package plenary.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What negotiators mean by some ordinary-looking text: an italic note in braces is the secretariat's editorial
 * note, a bracket that says "Placeholder for …" marks text still to come, a paragraph labelled
 * "**Option 2:**" or numbered "3.3alt" is an alternative to the one before it.
 */
public final class Conventions {

    private static final Pattern OPTION = Pattern.compile("(?i)\\s*(option|alt(ernative)?)\\b.*");

    /** {@code *{Note: moved from paragraph 12}*} */
    public static boolean editorialNote(Inline.Emphasis e) {
        return !e.content().isEmpty() && e.content().get(0) instanceof Inline.Text first
                && first.text().startsWith("{") && e.content().get(e.content().size() - 1) instanceof Inline.Text last
                && last.text().endsWith("}");
    }

    /** {@code [Placeholder for the finance section]} */
    public static boolean placeholder(Inline.Bracket b) {
        return b.alternatives().size() == 1 && !b.alternatives().get(0).content().isEmpty()
                && b.alternatives().get(0).content().get(0) instanceof Inline.Text t
                && t.text().regionMatches(true, 0, "Placeholder", 0, "Placeholder".length());
    }

    /** The bold label that opens an option paragraph ("**Option 2:**", "**Alt:**"), if it has one. */
    public static boolean optionLabel(List<Inline> content) {
        return !content.isEmpty() && content.get(0) instanceof Inline.Strong s
                && OPTION.matcher(new PlainText(List.of()).of(s.content())).matches();
    }

    /** "3.3alt", "3 alt", "4alt2" */
    public static boolean alternativeNumber(String number) {
        return number != null && number.matches("(?i).*\\dalt\\d*|.*\\d alt\\d*");
    }

    private Conventions() {
    }
}
