package plenary.text;

import plenary.text.Inline.Alternative;
import plenary.text.Inline.Bracket;
import plenary.text.Inline.Emphasis;
import plenary.text.Inline.Strong;
import plenary.text.Inline.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds quoted words in a paragraph and wraps them, the way a delegation says "bracket 'manage borders' in OP 1".
 * The quote is matched against the paragraph's {@link PlainText}; it may span emphasis and existing brackets
 * (which nests them) but may not cut one in half.
 */
public final class Quotes {

    private final PlainText plain;

    public Quotes(PlainText plain) {
        this.plain = plain;
    }

    /** Wraps the {@code occurrence}-th (1-based) occurrence of {@code quote} with what {@code wrapper} makes of it. */
    public List<Inline> wrap(List<Inline> content, String quote, int occurrence, Function<List<Inline>, Inline> wrapper) {
        return replace(content, quote, occurrence, words -> List.of(wrapper.apply(words)));
    }

    /** Replaces the {@code occurrence}-th (1-based) occurrence of {@code quote} by what {@code replacement} makes of it. */
    public List<Inline> replace(List<Inline> content, String quote, int occurrence,
                                Function<List<Inline>, List<Inline>> wrapper) {
        String text = plain.of(content);
        int start = -1;
        for (int i = 0, from = 0; i < occurrence; i++) {
            start = text.indexOf(quote, from);
            if (start < 0) {
                throw new QuoteProblem(QuoteProblem.Kind.NOT_FOUND, occurrence == 1
                        ? "'" + quote + "' is not in the paragraph"
                        : "'" + quote + "' does not occur " + occurrence + " times in the paragraph");
            }
            from = start + 1;
        }
        return Brackets.normalise(wrap(content, start, start + quote.length(), wrapper));
    }

    private List<Inline> wrap(List<Inline> nodes, int s, int e, Function<List<Inline>, List<Inline>> wrapper) {
        int[] starts = new int[nodes.size()];
        int[] ends = new int[nodes.size()];
        int pos = 0;
        for (int i = 0; i < nodes.size(); i++) {
            starts[i] = pos;
            pos += plain.of(nodes.get(i)).length();
            ends[i] = pos;
        }
        for (int i = 0; i < nodes.size(); i++) {
            Inline node = nodes.get(i);
            boolean inside = starts[i] <= s && e <= ends[i];
            boolean whole = s == starts[i] && e == ends[i];
            if (!inside || whole || node instanceof Text) {
                continue;
            }
            List<Inline> out = new ArrayList<>(nodes);
            out.set(i, descend(node, s - starts[i], e - starts[i], wrapper));
            return out;
        }
        return cut(nodes, starts, ends, s, e, wrapper);
    }

    private Inline descend(Inline node, int s, int e, Function<List<Inline>, List<Inline>> wrapper) {
        if (node instanceof Emphasis em) {
            return new Emphasis(Brackets.normalise(wrap(em.content(), s, e, wrapper)));
        }
        if (node instanceof Strong st) {
            return new Strong(Brackets.normalise(wrap(st.content(), s, e, wrapper)));
        }
        if (node instanceof Bracket b) {
            int altStart = 1;
            List<Alternative> alts = new ArrayList<>(b.alternatives());
            for (int j = 0; j < alts.size(); j++) {
                Alternative a = alts.get(j);
                int altEnd = altStart + plain.of(a.content()).length();
                if (altStart <= s && e <= altEnd) {
                    List<Inline> inner = Brackets.normalise(wrap(a.content(), s - altStart, e - altStart, wrapper));
                    alts.set(j, a.withContent(inner));
                    return b.withAlternatives(alts);
                }
                altStart = altEnd + 2;
            }
        }
        throw crosses();
    }

    private List<Inline> cut(List<Inline> nodes, int[] starts, int[] ends, int s, int e,
                             Function<List<Inline>, List<Inline>> wrapper) {
        List<Inline> before = new ArrayList<>();
        List<Inline> middle = new ArrayList<>();
        List<Inline> after = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Inline node = nodes.get(i);
            if (ends[i] <= s) {
                before.add(node);
            } else if (starts[i] >= e) {
                after.add(node);
            } else if (starts[i] >= s && ends[i] <= e) {
                middle.add(node);
            } else if (node instanceof Text t) {
                String str = t.text();
                int a = Math.max(s - starts[i], 0);
                int z = Math.min(e - starts[i], str.length());
                before.add(new Text(str.substring(0, a)));
                middle.add(new Text(str.substring(a, z)));
                after.add(new Text(str.substring(z)));
            } else {
                throw crosses();
            }
        }
        List<Inline> out = new ArrayList<>(before);
        out.addAll(wrapper.apply(Brackets.normalise(middle)));
        out.addAll(after);
        return out;
    }

    private static QuoteProblem crosses() {
        return new QuoteProblem(QuoteProblem.Kind.CROSSES_STRUCTURE,
                "the quote cuts across emphasis, a footnote or an existing bracket; quote whole words inside it or around it");
    }
}
