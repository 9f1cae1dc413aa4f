package plenary.text;

import plenary.text.Inline.Alternative;
import plenary.text.Inline.Bracket;
import plenary.text.Inline.Emphasis;
import plenary.text.Inline.Strong;
import plenary.text.Inline.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Tree operations on inline content: finding brackets, rewriting them, and keeping runs of text merged. */
public final class Brackets {

    public static Optional<Bracket> find(List<Inline> content, String bracketId) {
        for (Inline node : content) {
            if (node instanceof Bracket b) {
                if (b.id().equals(bracketId)) {
                    return Optional.of(b);
                }
                for (Alternative a : b.alternatives()) {
                    Optional<Bracket> inner = find(a.content(), bracketId);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            } else if (node instanceof Emphasis e) {
                Optional<Bracket> inner = find(e.content(), bracketId);
                if (inner.isPresent()) {
                    return inner;
                }
            } else if (node instanceof Strong s) {
                Optional<Bracket> inner = find(s.content(), bracketId);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** All brackets, outer before inner, in reading order. */
    public static List<Bracket> all(List<Inline> content) {
        List<Bracket> found = new ArrayList<>();
        collect(content, found);
        return found;
    }

    private static void collect(List<Inline> content, List<Bracket> found) {
        for (Inline node : content) {
            if (node instanceof Bracket b) {
                found.add(b);
                b.alternatives().forEach(a -> collect(a.content(), found));
            } else if (node instanceof Emphasis e) {
                collect(e.content(), found);
            } else if (node instanceof Strong s) {
                collect(s.content(), found);
            }
        }
    }

    /** Replaces the bracket {@code bracketId} wherever it is nested by whatever {@code replacement} gives. */
    public static List<Inline> rewrite(List<Inline> content, String bracketId, Function<Bracket, List<Inline>> replacement) {
        List<Inline> out = new ArrayList<>();
        for (Inline node : content) {
            if (node instanceof Bracket b && b.id().equals(bracketId)) {
                out.addAll(replacement.apply(b));
            } else if (node instanceof Bracket b) {
                out.add(b.withAlternatives(b.alternatives().stream()
                        .map(a -> a.withContent(rewrite(a.content(), bracketId, replacement)))
                        .toList()));
            } else if (node instanceof Emphasis e) {
                out.add(new Emphasis(rewrite(e.content(), bracketId, replacement)));
            } else if (node instanceof Strong s) {
                out.add(new Strong(rewrite(s.content(), bracketId, replacement)));
            } else {
                out.add(node);
            }
        }
        return normalise(out);
    }

    /** A "[Placeholder for …]": a bracket that holds the place of text still to come, and must be resolved. */
    public static boolean placeholder(Bracket bracket) {
        return bracket.alternatives().size() == 1 && bracket.alternatives().get(0).content().size() == 1
                && bracket.alternatives().get(0).content().get(0) instanceof Text t
                && t.text().strip().startsWith("Placeholder for");
    }

    /** The content without references to footnote {@code label}, wherever they are nested. */
    public static List<Inline> withoutFootnoteRef(List<Inline> content, String label) {
        List<Inline> out = new ArrayList<>();
        for (Inline node : content) {
            if (node instanceof Inline.FootnoteRef f && f.label().equals(label)) {
                continue;
            }
            if (node instanceof Bracket b) {
                out.add(b.withAlternatives(b.alternatives().stream()
                        .map(a -> a.withContent(withoutFootnoteRef(a.content(), label))).toList()));
            } else if (node instanceof Emphasis e) {
                out.add(new Emphasis(withoutFootnoteRef(e.content(), label)));
            } else if (node instanceof Strong s) {
                out.add(new Strong(withoutFootnoteRef(s.content(), label)));
            } else {
                out.add(node);
            }
        }
        return normalise(out);
    }

    /** Merges neighbouring text runs and drops empty ones, so that equal texts have equal trees. */
    public static List<Inline> normalise(List<Inline> content) {
        List<Inline> out = new ArrayList<>();
        for (Inline node : content) {
            if (node instanceof Text t) {
                if (t.text().isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && out.get(out.size() - 1) instanceof Text prev) {
                    out.set(out.size() - 1, new Text(prev.text() + t.text()));
                    continue;
                }
            }
            out.add(node);
        }
        return out;
    }

    private Brackets() {
    }
}
