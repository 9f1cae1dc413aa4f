package plenary.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options at paragraph level: a paragraph written as "**Option 1:** … / **Option 2:** No text", one option a
 * line, is one slot with an alternative per option, which the chair narrows by accepting one.
 */
public final class Options {

    public static final String NO_TEXT = "No text";
    private static final Pattern LABEL = Pattern.compile("Option (\\d+):");

    /** The paragraph's content as an OPTIONS bracket if it lists two or more options; otherwise unchanged. */
    public static List<Inline> read(List<Inline> content, IdAllocator ids, String attribution) {
        List<List<Inline>> options = new ArrayList<>();
        List<Inline> current = null;
        for (int i = 0; i < content.size(); i++) {
            Inline node = content.get(i);
            boolean lineStart = i == 0 || content.get(i - 1) instanceof Inline.LineBreak;
            if (lineStart && label(node) == options.size() + 1) {
                current = new ArrayList<>();
                options.add(current);
            } else if (current == null) {
                return content;
            } else if (!(node instanceof Inline.LineBreak && i + 1 < content.size() && label(content.get(i + 1)) > 0)) {
                current.add(node);
            }
        }
        if (options.size() < 2) {
            return content;
        }
        String bracketId = ids.next("b");
        List<Inline.Alternative> alternatives = options.stream()
                .map(o -> new Inline.Alternative(ids.next("a"), attribution, text(o))).toList();
        return List.of(new Inline.Bracket(bracketId, attribution, alternatives, Inline.Bracket.Kind.OPTIONS));
    }

    /** The option number a "**Option n:**" label carries, or 0. */
    private static int label(Inline node) {
        if (node instanceof Inline.Strong s && s.content().size() == 1 && s.content().get(0) instanceof Inline.Text t) {
            Matcher m = LABEL.matcher(t.text().strip());
            return m.matches() ? Integer.parseInt(m.group(1)) : 0;
        }
        return 0;
    }

    /** An option's own text: without the space after its label; "No text" is an empty option. */
    private static List<Inline> text(List<Inline> option) {
        List<Inline> out = new ArrayList<>(option);
        if (!out.isEmpty() && out.get(0) instanceof Inline.Text t) {
            out.set(0, new Inline.Text(t.text().stripLeading()));
        }
        out = Brackets.normalise(out);
        if (out.size() == 1 && out.get(0) instanceof Inline.Text t && t.text().strip().equals(NO_TEXT)) {
            return List.of();
        }
        return out;
    }

    private Options() {
    }
}
