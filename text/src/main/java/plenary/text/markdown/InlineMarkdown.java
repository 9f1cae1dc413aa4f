package plenary.text.markdown;

import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import plenary.text.Brackets;
import plenary.text.Footnote;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.InlineHtml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Inline Markdown with square brackets. commonmark-java resolves emphasis, strong and inline HTML, with every
 * block construct switched off: the text's blocks are {@link MarkdownImporter}'s business. Square brackets are
 * never links in this format, so they are handed to commonmark disguised as other bracket characters (which keep
 * its emphasis rules unchanged) and matched here into nested {@link Inline.Bracket}s, adjacent brackets
 * ({@code [shall][should]}) being alternatives of one slot. A bracket without its partner is kept as the
 * character it is ({@link Inline.Verbatim}) and reported, never repaired. Inline HTML and autolinks that
 * {@link InlineHtml} does not keep read as the characters they are written with, exactly as if their {@code <} were
 * escaped: the text holds no HTML that a reader could run, and writing it back escapes that {@code <}.
 */
public final class InlineMarkdown {

    /** Inline source spans tell where a code span stood, so that it is kept exactly as written. */
    static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    /** Opening and closing punctuation pairs that stand in for '[' and ']'; the first the text does not use. */
    private static final String[] DISGUISES = {"\u2045\u2046", "\u27E6\u27E7", "\u2983\u2984", "\u2E22\u2E23"};
    /** What CommonMark lets a backslash escape, in the order of {@link Marks}. */
    private static final String ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /**
     * Characters that carry an escape ("\*") or a backslash line break through commonmark, so that we know where the
     * text had them: punctuation from the Supplemental Punctuation block, which stands where the backslash stood
     * without changing what may open or close emphasis; private-use characters if a text uses those.
     */
    private static final String MARK_POOL = markPool();
    private static final Marks USUAL_MARKS = new Marks(MARK_POOL.substring(0, ESCAPABLE.length() + 1));
    private static final Pattern FOOTNOTE_LABEL = Pattern.compile("[0-9]+|[*\u2020\u2021\u00A7]+|[a-z]");

    /** A bracket without its partner: the {@code index}-th unescaped bracket character of the parsed text. */
    public record Stray(int index, String message) {
    }

    private final IdAllocator ids;
    private final String attribution;

    public InlineMarkdown(IdAllocator ids, String attribution) {
        this.ids = ids;
        this.attribution = attribution;
    }

    /** Parses one paragraph's worth of inline Markdown. */
    public List<Inline> parse(String markdown) {
        return parse(markdown, stray -> { }, false);
    }

    /**
     * @param strays     told of every bracket kept as a literal character
     * @param keepLines  keep the text's line breaks (for constructs we do not know, such as tables)
     */
    public List<Inline> parse(String markdown, java.util.function.Consumer<Stray> strays, boolean keepLines) {
        Disguised source = disguise(markdown.strip());
        Node doc = PARSER.parse(source.text);
        // each round escapes the refused markup found; what it held (a tag inside a refused one) may be found next
        for (String escaped = escapeRefused(doc, source); escaped != null; escaped = escapeRefused(doc, source)) {
            source = new Disguised(escaped, source.open, source.close, source.marks);
            doc = PARSER.parse(source.text);
        }
        Builder b = new Builder(source, strays, keepLines);
        for (Node block = doc.getFirstChild(); block != null; block = block.getNext()) {
            if (block != doc.getFirstChild()) {
                b.text(" ");
            }
            b.walk(block.getFirstChild());
        }
        return b.finish();
    }

    /**
     * The disguised text with the {@code <} of each HTML tag or autolink that the text may not hold replaced by the
     * mark of an escaped {@code <}; null when there is none.
     */
    private static String escapeRefused(Node doc, Disguised source) {
        StringBuilder text = null;
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(doc);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                todo.push(c);
            }
            String markup = n instanceof HtmlInline h ? h.getLiteral() : n instanceof Link ? autolink(n) : null;
            if (markup == null || InlineHtml.kept(source.restore(markup)) || n.getSourceSpans().isEmpty()) {
                continue;
            }
            int at = n.getSourceSpans().get(0).getInputIndex();
            if (at >= 0 && at < source.text.length() && source.text.charAt(at) == '<') {
                text = text == null ? new StringBuilder(source.text) : text;
                text.setCharAt(at, source.marks.mark('<'));
            }
        }
        return text == null ? null : text.toString();
    }

    /** An autolink as written (square brackets never make links in this format). */
    private static String autolink(Node link) {
        StringBuilder shown = new StringBuilder("<");
        for (Node c = link.getFirstChild(); c != null; c = c.getNext()) {
            shown.append(c instanceof Text t ? t.getLiteral() : "");
        }
        return shown.append('>').toString();
    }

    /**
     * {@code markdown} as written, with a backslash before the {@code <} of each HTML tag or autolink that a text
     * may not hold: Markdown kept as written (a header's) reads as the text's words do.
     */
    public static String escapeRefused(String markdown) {
        Disguised source = disguise(markdown);
        Node doc = PARSER.parse(source.text);
        for (String escaped = escapeRefused(doc, source); escaped != null; escaped = escapeRefused(doc, source)) {
            source = new Disguised(escaped, source.open, source.close, source.marks);
            doc = PARSER.parse(source.text);
        }
        return source.restore(source.text);
    }

    /** The mark of each escapable character, in {@link #ESCAPABLE}'s order, then the mark of a backslash line break. */
    private record Marks(String marks) {
        /** The character that {@code c} says was escaped, or -1 when {@code c} marks no escape. */
        int escaped(char c) {
            if (c < marks.charAt(0)) {
                return -1;
            }
            int at = marks.indexOf(c);
            return at >= 0 && at < ESCAPABLE.length() ? ESCAPABLE.charAt(at) : -1;
        }

        char mark(char escaped) {
            return marks.charAt(ESCAPABLE.indexOf(escaped));
        }

        char lineBreak() {
            return marks.charAt(ESCAPABLE.length());
        }
    }

    private static String markPool() {
        StringBuilder pool = new StringBuilder();
        for (char c = '\u2E00'; c < '\u2E60'; c++) {
            int type = Character.getType(c);
            boolean punctuation = type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
            if (punctuation && String.join("", DISGUISES).indexOf(c) < 0) {
                pool.append(c);
            }
        }
        for (char c = '\uE000'; c < '\uE100'; c++) {
            pool.append(c);
        }
        return pool.toString();
    }

    /** The usual marks, or marks the text does not use itself. */
    private static Marks marks(String markdown) {
        StringBuilder unused = new StringBuilder();
        for (int i = 0; i < MARK_POOL.length() && unused.length() <= ESCAPABLE.length(); i++) {
            if (markdown.indexOf(MARK_POOL.charAt(i)) < 0) {
                unused.append(MARK_POOL.charAt(i));
            }
        }
        return unused.toString().equals(USUAL_MARKS.marks()) ? USUAL_MARKS : new Marks(unused.toString());
    }

    private record Disguised(String text, char open, char close, Marks marks) {
        /** Markup kept as written: its brackets and escapes as the text wrote them. */
        String restore(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                int escaped = marks.escaped(c);
                if (c == open || c == close) {
                    sb.append(c == open ? '[' : ']');
                } else if (escaped >= 0) {
                    sb.append('\\').append((char) escaped);
                } else if (c != marks.lineBreak()) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        int brackets(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                n += s.charAt(i) == open || s.charAt(i) == close ? 1 : 0;
            }
            return n;
        }
    }

    private static Disguised disguise(String markdown) {
        String pair = DISGUISES[0];
        for (String candidate : DISGUISES) {
            if (markdown.indexOf(candidate.charAt(0)) < 0 && markdown.indexOf(candidate.charAt(1)) < 0) {
                pair = candidate;
                break;
            }
        }
        Marks marks = marks(markdown);
        char open = pair.charAt(0);
        char close = pair.charAt(1);
        StringBuilder sb = new StringBuilder(markdown.length());
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            char next = i + 1 < markdown.length() ? markdown.charAt(i + 1) : 0;
            if (c == '\\' && ESCAPABLE.indexOf(next) >= 0 && next != 0) {
                sb.append(marks.mark(next));
                i++;
            } else if (c == '\\' && next == '\n') {
                sb.append(marks.lineBreak()).append(c).append(next);
                i++;
            } else if (c == '\\' && next != 0) {
                sb.append(c).append(next);
                i++;
            } else {
                sb.append(c == '[' ? open : c == ']' ? close : c);
            }
        }
        return new Disguised(sb.toString(), open, close, marks);
    }

    /** Where each unescaped bracket character of {@code markdown} stands, as [line, column] from its start (0-based). */
    static List<int[]> bracketPositions(String markdown) {
        List<int[]> at = new ArrayList<>();
        int line = 0;
        int column = 0;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
                continue;
            }
            if (c == '\\' && i + 1 < markdown.length() && markdown.charAt(i + 1) != '\n') {
                i++;
                column += 2;
                continue;
            }
            if (c == '[' || c == ']') {
                at.add(new int[]{line, column});
            }
            column++;
        }
        return at;
    }

    private enum Kind { ROOT, EMPHASIS, STRONG, BRACKET }

    private static final class Frame {
        final Kind kind;
        final List<Inline> children = new ArrayList<>();
        final List<List<Inline>> closedAlternatives = new ArrayList<>();
        int openedAt;

        Frame(Kind kind) {
            this.kind = kind;
        }
    }

    private final class Builder {
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final StringBuilder pending = new StringBuilder();
        private final Disguised source;
        private final java.util.function.Consumer<Stray> strays;
        private final boolean keepLines;
        private int bracketsSeen;
        /** The hard break to come was written as a backslash. */
        private boolean backslashBreak;

        Builder(Disguised source, java.util.function.Consumer<Stray> strays, boolean keepLines) {
            this.source = source;
            this.strays = strays;
            this.keepLines = keepLines;
            stack.push(new Frame(Kind.ROOT));
        }

        void walk(Node first) {
            for (Node n = first; n != null; n = n.getNext()) {
                if (n instanceof Text t) {
                    text(t.getLiteral());
                } else if (n instanceof Emphasis) {
                    open(Kind.EMPHASIS);
                    walk(n.getFirstChild());
                    close(Kind.EMPHASIS);
                } else if (n instanceof StrongEmphasis) {
                    open(Kind.STRONG);
                    walk(n.getFirstChild());
                    close(Kind.STRONG);
                } else if (n instanceof HtmlInline h && h.getLiteral().equalsIgnoreCase("<sup>")
                        && n.getNext() instanceof Text label && FOOTNOTE_LABEL.matcher(label.getLiteral()).matches()
                        && label.getNext() instanceof HtmlInline end && end.getLiteral().equalsIgnoreCase("</sup>")) {
                    append(new Inline.FootnoteRef(label.getLiteral()));
                    n = end;
                } else if (n instanceof HtmlInline h) {
                    markup(h.getLiteral());
                } else if (n instanceof Code c) {
                    verbatim(written(c).orElseGet(() -> {
                        String ticks = c.getLiteral().contains("`") ? "``" : "`";
                        return ticks + c.getLiteral() + ticks;
                    }));
                } else if (n instanceof Link) {
                    // only autolinks reach here: square brackets never make links in this format
                    markup(autolink(n));
                } else if (n instanceof HardLineBreak) {
                    append(new Inline.LineBreak(backslashBreak));
                    backslashBreak = false;
                } else if (n instanceof SoftLineBreak) {
                    if (keepLines) {
                        append(new Inline.LineBreak());
                    } else {
                        text(" ");
                    }
                } else {
                    walk(n.getFirstChild());
                }
            }
        }

        /** The node's source as the (disguised) text has it, from its first line's start to its last line's end. */
        private java.util.Optional<String> written(Node n) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (spans.isEmpty()) {
                return java.util.Optional.empty();
            }
            SourceSpan first = spans.get(0);
            SourceSpan last = spans.get(spans.size() - 1);
            int end = last.getInputIndex() + last.getLength();
            return first.getInputIndex() < 0 || end > source.text.length() ? java.util.Optional.empty()
                    : java.util.Optional.of(source.text.substring(first.getInputIndex(), end));
        }

        void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == source.open) {
                    int label = caretFootnote(s, i);
                    if (label > 0) {
                        append(new Inline.FootnoteRef(s.substring(i + 2, label), Footnote.Style.CARET));
                        bracketsSeen += 2;
                        i = label;
                    } else {
                        flush();
                        Frame f = new Frame(Kind.BRACKET);
                        f.openedAt = bracketsSeen++;
                        stack.push(f);
                    }
                } else if (c == source.close && stack.peek().kind == Kind.BRACKET) {
                    bracketsSeen++;
                    flush();
                    Frame f = stack.peek();
                    f.closedAlternatives.add(List.copyOf(f.children));
                    f.children.clear();
                    if (i + 1 < s.length() && s.charAt(i + 1) == source.open) {
                        i++; // the next alternative for the same slot
                        f.openedAt = bracketsSeen++;
                    } else {
                        stack.pop();
                        stack.peek().children.add(bracket(f.closedAlternatives));
                    }
                } else if (c == source.close) {
                    strays.accept(new Stray(bracketsSeen++, "']' closes no bracket; kept as written"));
                    append(new Inline.Verbatim("]"));
                } else if (c == source.marks.lineBreak()) {
                    backslashBreak = true;
                } else if (source.marks.escaped(c) == '[' || source.marks.escaped(c) == ']') {
                    pending.append((char) source.marks.escaped(c)); // a literal bracket is text, as it always was
                } else if (source.marks.escaped(c) >= 0) {
                    append(new Inline.Escaped(String.valueOf((char) source.marks.escaped(c))));
                } else {
                    pending.append(c);
                }
            }
        }

        /** The end of "[^label]" starting at {@code i}, or -1. */
        private int caretFootnote(String s, int i) {
            if (i + 2 >= s.length() || s.charAt(i + 1) != '^') {
                return -1;
            }
            for (int j = i + 2; j < s.length() && j < i + 20; j++) {
                char c = s.charAt(j);
                if (c == source.close) {
                    return j > i + 2 ? j : -1;
                }
                if (Character.isWhitespace(c) || c == source.open) {
                    return -1;
                }
            }
            return -1;
        }

        /** HTML or an autolink: kept as written if the text may hold it, else its characters (where parsing missed). */
        void markup(String literal) {
            if (InlineHtml.kept(source.restore(literal))) {
                verbatim(literal);
            } else {
                append(new Inline.Escaped("<"));
                text(literal.substring(1));
            }
        }

        void verbatim(String literal) {
            bracketsSeen += source.brackets(literal);
            append(new Inline.Verbatim(source.restore(literal)));
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
                unwind("'[' opens inside emphasis that ends before the bracket closes; kept as written");
            }
            Frame f = stack.pop();
            List<Inline> content = Brackets.normalise(f.children);
            stack.peek().children.add(kind == Kind.EMPHASIS ? new Inline.Emphasis(content) : new Inline.Strong(content));
        }

        List<Inline> finish() {
            flush();
            while (stack.peek().kind == Kind.BRACKET) {
                unwind("'[' is never closed; kept as written");
            }
            return Brackets.normalise(stack.pop().children);
        }

        /** A bracket never closed is not a bracket: the alternatives closed before it stay one, the rest is text. */
        private void unwind(String why) {
            Frame f = stack.pop();
            strays.accept(new Stray(f.openedAt, why));
            List<Inline> parent = stack.peek().children;
            if (!f.closedAlternatives.isEmpty()) {
                parent.add(bracket(f.closedAlternatives));
            }
            parent.add(new Inline.Verbatim("["));
            parent.addAll(f.children);
        }

        private Inline bracket(List<List<Inline>> alternatives) {
            String bracketId = ids.next("b");
            List<Inline.Alternative> alts = new ArrayList<>();
            for (List<Inline> alt : alternatives) {
                alts.add(new Inline.Alternative(ids.next("a"), attribution, Brackets.normalise(alt)));
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
