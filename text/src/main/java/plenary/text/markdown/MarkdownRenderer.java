package plenary.text.markdown;

import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.DraftStatus;
import plenary.text.Footnote;
import plenary.text.Header;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.InlineHtml;
import plenary.text.Options;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a document in the Markdown format of API.md: the canonical text of a draft. Text is escaped only where
 * reading it back would otherwise change it, so a text comes back as it was written.
 */
public final class MarkdownRenderer {

    private final Document doc;

    private MarkdownRenderer(Document doc) {
        this.doc = doc;
    }

    public static String render(Document doc) {
        return new MarkdownRenderer(doc).document();
    }

    /** A paragraph's inline Markdown, as API.md's {@code text} field carries it. */
    public static String inline(Document doc, List<Inline> content) {
        return new MarkdownRenderer(doc).inline(content);
    }

    /** SHA-256 of the canonical text, in hex: what finalising records. */
    public static String contentHash(Document doc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(render(doc).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private String document() {
        List<String> blocks = new ArrayList<>();
        var h = doc.header();
        if (h.reference() != null) {
            blocks.add("Ref: " + escapeTags(h.symbol()));
        }
        if (h.date() != null) {
            blocks.add("Date: " + escapeTags(h.date()));
        }
        blocks.add(escapeTags(statusLine(doc)));
        Header.Written written = h.written() == null ? new Header.Written(null, null, null) : h.written();
        written = new Header.Written(escapedHtml(written.title()), escapedHtml(written.venue()),
                escapedHtml(written.kind()));
        if (h.title() != null) {
            blocks.add("**" + (written.title() != null ? written.title()
                    : String.join("  \n", h.title().lines().map(t -> escape(t, true)).toList())) + "**");
        }
        if (h.venue() != null) {
            blocks.add("***" + (written.venue() != null ? written.venue() : escape(h.venue(), true)) + "***");
        }
        if (h.kind() != null) {
            blocks.add("***" + (written.kind() != null ? written.kind() : escape(h.kind(), true)) + "***");
        }
        for (Paragraph p : doc.section(Section.PREAMBLE)) {
            blocks.add(paragraph(p));
            footnotesAfter(p.id(), blocks);
        }
        if (!doc.chapeau().isEmpty()) {
            blocks.add(inline(doc.chapeau()));
        }
        for (Paragraph p : doc.section(Section.OPERATIVE)) {
            blocks.add(paragraph(p));
            footnotesAfter(p.id(), blocks);
        }
        footnotesAfter(null, blocks);
        return String.join("\n\n", blocks) + "\n";
    }

    /** The status line the text prints: the one it was written with, or the draft's status. */
    public static String statusLine(Document doc) {
        return doc.header().statusLine() != null ? doc.header().statusLine() : statusLabel(doc.status());
    }

    private static String statusLabel(DraftStatus status) {
        return switch (status) {
            case ZERO_DRAFT -> "Zero draft";
            case UNDER_NEGOTIATION -> "Draft";
            case FINAL -> "Final";
        };
    }

    private String paragraph(Paragraph p) {
        String text = inline(p.content());
        if (p.heading()) {
            return "#".repeat(p.layout().heading()) + " " + text;
        }
        if (p.number() == null) {
            return guardBlockStart(text);
        }
        return "  ".repeat(p.depth()) + number(p) + " " + text;
    }

    /**
     * Markdown as a text wrote it in its header, with its refused HTML escaped: a header recorded before
     * {@link InlineHtml} may hold any markup.
     */
    private static String escapedHtml(String written) {
        return written == null || written.indexOf('<') < 0 ? written : InlineMarkdown.escapeRefused(written);
    }

    /** A header line printed as it is (reference, date, status line) with every tag-like {@code <} escaped. */
    private static String escapeTags(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            if (tagLike(line, i)) {
                sb.append('\\');
            }
            sb.append(line.charAt(i));
        }
        return sb.toString();
    }

    /** A {@code <} that a reader might take for the start of HTML or an autolink. */
    private static boolean tagLike(String text, int i) {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        return text.charAt(i) == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?');
    }

    /**
     * A text whose first line is one tag alone would open an HTML block in a CommonMark reader, in which nothing
     * after it is escaped until a blank line: that tag is written escaped.
     */
    private static String guardHtmlBlock(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        if (start == text.length() || text.charAt(start) != '<') {
            return text;
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
        return firstLine.startsWith("<") && firstLine.endsWith(">") && firstLine.indexOf('<', 1) < 0
                && firstLine.indexOf('>') == firstLine.length() - 1 ? "\\" + text.stripLeading() : text;
    }

    /** An unnumbered paragraph that starts like a number, a heading or a rule gets the one escape it needs. */
    private static String guardBlockStart(String text) {
        if (MarkdownImporter.number(text) != null) {
            int at = 0;
            while (".()".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(0, at) + "\\" + text.substring(at);
        }
        int lineEnd = text.indexOf('\n');
        String firstLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        boolean block = TextBlocks.HEADING.matcher(firstLine).matches() || text.startsWith("<sup>")
                || TextBlocks.RULE.matcher(text).matches();
        return block ? "\\" + text : text;
    }

    /** "1.", "(iv)", "(a)", "3.3alt": as the text wrote it, or the section's usual way. */
    public static String number(Paragraph p) {
        Paragraph.Marker marker = p.layout() != null && p.layout().marker() != null ? p.layout().marker()
                : p.section() == Section.PREAMBLE ? Paragraph.Marker.PARENS : Paragraph.Marker.DOT;
        return marker.write(p.number());
    }

    /**
     * The notes that stand after paragraph {@code paragraphId} (null: at the end). Notes of texts imported before
     * notes kept their own place stand together where {@link Document#footnotesAfter()} says, after one rule.
     */
    private void footnotesAfter(String paragraphId, List<String> blocks) {
        boolean first = true;
        for (Footnote f : doc.footnotes()) {
            String after = f.ruled() == null ? doc.footnotesAfter() : f.after();
            if (paragraphId == null ? after != null && doc.paragraph(after).isPresent() : !paragraphId.equals(after)) {
                continue;
            }
            if (f.ruled() == null ? first : f.ruled()) {
                blocks.add("---");
            }
            first = false;
            String content = inline(f.content());
            blocks.add(f.caret() ? "[^" + f.label() + "]: " + content : "<sup>" + f.label() + "</sup> " + content);
        }
    }

    /** Escaped as little as reading it back allows: the text as written if that reads back the same. */
    private String inline(List<Inline> content) {
        return guardHtmlBlock(lightOrStrict(content));
    }

    private String lightOrStrict(List<Inline> content) {
        StringBuilder light = new StringBuilder();
        inline(content, light, false);
        StringBuilder strict = new StringBuilder();
        inline(content, strict, true);
        if (light.toString().equals(strict.toString())) {
            return light.toString();
        }
        List<Inline> readBack = new InlineMarkdown(new IdAllocator(0), null).parse(light.toString());
        StringBuilder again = new StringBuilder();
        inline(readBack, again, true);
        return again.toString().equals(strict.toString()) ? light.toString() : strict.toString();
    }

    private void inline(List<Inline> content, StringBuilder sb, boolean strict) {
        for (Inline node : content) {
            if (node instanceof Inline.Text t) {
                sb.append(escape(t.text(), strict));
            } else if (node instanceof Inline.Emphasis e) {
                sb.append('*');
                inline(e.content(), sb, strict);
                sb.append('*');
            } else if (node instanceof Inline.Strong s) {
                sb.append("**");
                inline(s.content(), sb, strict);
                sb.append("**");
            } else if (node instanceof Inline.FootnoteRef f) {
                sb.append(f.style() == Footnote.Style.CARET ? "[^" + f.label() + "]" : "<sup>" + f.label() + "</sup>");
            } else if (node instanceof Inline.LineBreak br) {
                sb.append(br.backslash() ? "\\\n" : "  \n");
            } else if (node instanceof Inline.Escaped x) {
                sb.append('\\').append(x.character());
            } else if (node instanceof Inline.Bracket b && b.kind() == Inline.Bracket.Kind.OPTIONS) {
                options(b, sb, strict);
            } else if (node instanceof Inline.Bracket b) {
                for (Inline.Alternative a : b.alternatives()) {
                    sb.append('[');
                    inline(a.content(), sb, strict);
                    sb.append(']');
                }
            } else if (node instanceof Inline.ParticipantRef ref) {
                Participant p = doc.participant(ref.participantId()).orElseThrow();
                boolean pending = p.participation() == Participation.PENDING;
                sb.append(pending ? "[" : "").append(escape(p.name(), true)).append(pending ? "]" : "");
            } else if (node instanceof Inline.Verbatim v) {
                // kept as written, but for markup a document folded or stored before InlineHtml may hold
                sb.append(InlineHtml.active(v.text()) ? "\\" : "").append(v.text());
            }
        }
    }

    /** A paragraph's options, one per line: "**Option 1:** …", and "No text" for an empty one. */
    private void options(Inline.Bracket b, StringBuilder sb, boolean strict) {
        for (int i = 0; i < b.alternatives().size(); i++) {
            sb.append(i == 0 ? "" : "  \n").append("**Option ").append(i + 1).append(":** ");
            List<Inline> content = b.alternatives().get(i).content();
            if (content.isEmpty()) {
                sb.append(Options.NO_TEXT);
            } else {
                inline(content, sb, strict);
            }
        }
    }

    /**
     * Strictly, escapes everything that could read as markup. Lightly, only square brackets (which are always
     * literal in a text run) and a backslash that would escape what follows it in the run; whether one ending the
     * run escapes what comes next is for reading it back to tell.
     */
    static String escape(String text, boolean strict) {
        int first = 0;
        while (first < text.length() && !escaped(text, first, strict)) {
            first++;
        }
        if (first == text.length()) {
            return text; // most runs: rendering every changed paragraph of a rebuild spent an eighth of its time here
        }
        StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            if (escaped(text, i, strict)) {
                sb.append('\\');
            }
            sb.append(text.charAt(i));
        }
        return sb.toString();
    }

    /** Whether the character at {@code i} is written with a backslash before it. */
    private static boolean escaped(String text, int i, boolean strict) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
        boolean markup = c == '*' || c == '_' || c == '`'
                || (c == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?'));
        boolean escapes = c == '\\' && (isAsciiPunctuation(next) || strict);
        return c == '[' || c == ']' || escapes || (strict && markup);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c > ' ';
    }
}
