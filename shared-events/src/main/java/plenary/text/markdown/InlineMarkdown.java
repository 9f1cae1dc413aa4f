package plenary.text.markdown;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import plenary.text.Brackets;
import plenary.text.IdAllocator;
import plenary.text.Inline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Markdown with square brackets. commonmark-java resolves emphasis, strong and inline HTML; square
 * brackets are not links in this format (there are no link definitions), so they reach us as text and are
 * matched here into nested {@link Inline.Bracket}s, with adjacent brackets ({@code [shall][should]}) read as
 * alternatives of one slot. A bracket left open becomes literal text.
 */
public final class InlineMarkdown {

    static final Parser PARSER = Parser.builder().build();
    /** Escaped brackets ("\[") survive commonmark's unescaping as these private-use characters. */
    static final char LITERAL_OPEN = '\uE000';
    static final char LITERAL_CLOSE = '\uE001';
    private static final Pattern CARET_FOOTNOTE = Pattern.compile("^\\[\\^([^\\]\\s]+)]");

    private final IdAllocator ids;
    private final String attribution;

    public InlineMarkdown(IdAllocator ids, String attribution) {
        this.ids = ids;
        this.attribution = attribution;
    }

    /** Parses one paragraph's worth of inline Markdown. */
    public List<Inline> parse(String markdown) {
        Node doc = PARSER.parse(protectEscapes(markdown.strip()));
        List<Inline> out = new ArrayList<>();
        for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            if (!out.isEmpty()) {
                out.add(new Inline.Text(" "));
            }
            out.addAll(convert(block.getFirstChild()));
        }
        return Brackets.normalise(out);
    }

    static String protectEscapes(String markdown) {
        return markdown.replace("\\[", String.valueOf(LITERAL_OPEN)).replace("\\]", String.valueOf(LITERAL_CLOSE));
    }

    /** Converts a run of commonmark inline nodes (siblings from {@code first}). */
    List<Inline> convert(Node first) {
        Builder b = new Builder();
        walk(first, b);
        return b.finish();
    }

    private void walk(Node first, Builder b) {
        for (Node n = first; n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                b.text(t.getLiteral());
            } else if (n instanceof Emphasis) {
                b.open(Kind.EMPHASIS);
                walk(n.getFirstChild(), b);
                b.close(Kind.EMPHASIS);
            } else if (n instanceof StrongEmphasis) {
                b.open(Kind.STRONG);
                walk(n.getFirstChild(), b);
                b.close(Kind.STRONG);
            } else if (n instanceof HtmlInline h && h.getLiteral().equalsIgnoreCase("<sup>")
                    && n.getNext() instanceof Text label && label.getNext() instanceof HtmlInline end
                    && end.getLiteral().equalsIgnoreCase("</sup>")) {
                b.append(new Inline.FootnoteRef(label.getLiteral()));
                n = end;
            } else if (n instanceof HtmlInline h) {
                b.text(h.getLiteral());
            } else if (n instanceof HardLineBreak) {
                b.append(new Inline.LineBreak());
            } else if (n instanceof SoftLineBreak) {
                b.text(" ");
            } else if (n instanceof Code c) {
                b.text("`" + c.getLiteral() + "`");
            } else if (n instanceof Link l) {
                b.text("[");
                walk(n.getFirstChild(), b);
                b.text("](" + l.getDestination() + ")");
            } else {
                walk(n.getFirstChild(), b);
            }
        }
    }

    private enum Kind { ROOT, EMPHASIS, STRONG, BRACKET }

    private static final class Frame {
        final Kind kind;
        final List<Inline> children = new ArrayList<>();
        final List<List<Inline>> closedAlternatives = new ArrayList<>();

        Frame(Kind kind) {
            this.kind = kind;
        }
    }

    private final class Builder {
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final StringBuilder pending = new StringBuilder();

        Builder() {
            stack.push(new Frame(Kind.ROOT));
        }

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '[') {
                    Matcher m = CARET_FOOTNOTE.matcher(s.substring(i));
                    if (m.find()) {
                        append(new Inline.FootnoteRef(m.group(1)));
                        i += m.end() - 1;
                    } else {
                        flush();
                        stack.push(new Frame(Kind.BRACKET));
                    }
                } else if (c == ']' && stack.peek().kind == Kind.BRACKET) {
                    flush();
                    Frame f = stack.peek();
                    f.closedAlternatives.add(List.copyOf(f.children));
                    f.children.clear();
                    if (i + 1 < s.length() && s.charAt(i + 1) == '[') {
                        i++; // the next alternative for the same slot
                    } else {
                        stack.pop();
                        stack.peek().children.add(bracket(f.closedAlternatives));
                    }
                } else if (c == LITERAL_OPEN) {
                    pending.append('[');
                } else if (c == LITERAL_CLOSE) {
                    pending.append(']');
                } else {
                    pending.append(c);
                }
            }
        }

        void append(Inline node) {
            flush();
            stack.peek().children.add(node);
        }

        void open(Kind kind) {
            flush();
            stack.push(new Frame(kind));
        }

        void close(Kind kind) {
            flush();
            while (stack.peek().kind == Kind.BRACKET) {
                unwind();
            }
            Frame f = stack.pop();
            List<Inline> content = Brackets.normalise(f.children);
            stack.peek().children.add(kind == Kind.EMPHASIS ? new Inline.Emphasis(content) : new Inline.Strong(content));
        }

        List<Inline> finish() {
            flush();
            while (stack.peek().kind == Kind.BRACKET) {
                unwind();
            }
            return Brackets.normalise(stack.pop().children);
        }

        /** A bracket never closed is not a bracket: keep what was written, as text. */
        private void unwind() {
            Frame f = stack.pop();
            List<Inline> parent = stack.peek().children;
            parent.add(new Inline.Text("["));
            for (List<Inline> alt : f.closedAlternatives) {
                parent.addAll(alt);
                parent.add(new Inline.Text("]["));
            }
            parent.addAll(f.children);
        }

        private Inline bracket(List<List<Inline>> alternatives) {
            String bracketId = ids.next("b");
            List<Inline.Alternative> alts = new ArrayList<>();
            for (List<Inline> alt : alternatives) {
                alts.add(new Inline.Alternative(ids.next("a"), attribution,
                        Brackets.normalise(alt)));
            }
            return new Inline.Bracket(bracketId, attribution, alts);
        }

        private void flush() {
            if (!pending.isEmpty()) {
                stack.peek().children.add(new Inline.Text(pending.toString()));
                pending.setLength(0);
            }
        }
    }
}
