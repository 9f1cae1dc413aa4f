package plenary.query.export;

import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Conventions;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.Inline;
import plenary.text.InlineHtml;
import plenary.text.Paragraph;
import plenary.text.Participant;
import plenary.text.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A draft as one self-contained XHTML page laid out like a UN document: the symbol and date at the top, a bold
 * title, numbered paragraphs with hanging numbers, italic participles as the text has them, footnotes at the end.
 * Well-formed XML, so that the PDF export can lay out the very same page.
 */
final class HtmlPage {

    private static final String STYLE = """
            @page { size: A4; margin: 2.5cm 2.2cm; }
            body { font-family: 'Times New Roman', Times, 'DejaVu Serif', serif; font-size: 12pt; line-height: 1.35;
                   max-width: 17cm; margin: 1.5em auto; color: #000; }
            .masthead { width: 100%; border-bottom: 2px solid #000; border-collapse: collapse; margin-bottom: 0.3em; }
            .masthead td { padding: 0 0 0.2em 0; vertical-align: bottom; }
            .kind { font-size: 10pt; }
            .symbol { text-align: right; font-size: 14pt; font-weight: bold; }
            .meta { text-align: right; font-size: 10pt; margin: 0 0 2em 0; }
            h1 { font-size: 14pt; font-weight: bold; margin: 1.5em 0 0.5em 0; text-align: left; }
            .rtl h1 { text-align: right; }
            sup { font-size: 0.7em; line-height: 0; }
            .smallcaps { font-variant: small-caps; }
            .venue { font-style: italic; margin: 0 0 1.5em 0; }
            h2, h3, h4 { font-size: 12pt; font-weight: bold; text-align: center; margin: 1.2em 0 0.6em 0; }
            p.para { margin: 0 0 0.8em 0; text-align: justify; }
            p.numbered { padding-left: 3em; position: relative; }
            p.depth-1 { margin-left: 3em; }
            p.depth-2 { margin-left: 6em; }
            p.depth-3 { margin-left: 9em; }
            .num { position: absolute; left: 0; top: 0; }
            .rtl { direction: rtl; }
            .rtl .symbol, .rtl .meta { text-align: left; }
            .rtl p.numbered { padding-left: 0; padding-right: 3em; }
            .rtl p.depth-1 { margin-left: 0; margin-right: 3em; }
            .rtl p.depth-2 { margin-left: 0; margin-right: 6em; }
            .rtl p.depth-3 { margin-left: 0; margin-right: 9em; }
            .rtl .num { left: auto; right: 0; }
            .chapeau { margin: 0.8em 0; }
            .note { font-style: italic; color: #444; }
            .holders { font-size: 9pt; color: #555; }
            .footnotes { margin-top: 2em; border-top: 1px solid #000; width: 40%; padding-top: 0.4em; }
            .footnotes p { font-size: 10pt; margin: 0 0 0.3em 0; width: 250%; }
            .highlight .bracket { background: #fff1a8; }
            .highlight .bracket .bracket { background: #ffd27a; }
            .highlight .bracket .bracket .bracket { background: #ffb38a; }
            .highlight .placeholder { background: #dde7f7; }
            .checkpoint { margin-top: 3em; border-top: 1px solid #999; font-size: 8pt; color: #444; }
            .checkpoint pre { font-family: 'Courier New', Courier, monospace; white-space: pre-wrap; word-break: break-all; }
            """;

    private final Document doc;
    private final TextRenderer.RenderOptions options;
    private final StringBuilder out = new StringBuilder();

    private HtmlPage(Document doc, TextRenderer.RenderOptions options) {
        this.doc = doc;
        this.options = options;
    }

    static String render(Document doc, TextRenderer.RenderOptions options) {
        return render(doc, options, "");
    }

    /** The page with {@code style} after its own rules: a medium's own fonts, say. */
    static String render(Document doc, TextRenderer.RenderOptions options, String style) {
        return new HtmlPage(doc, options).page(style);
    }

    private String page(String style) {
        var h = doc.header();
        Script script = Script.of(doc);
        boolean rtl = script.rightToLeft();
        List<String> classes = new ArrayList<>();
        if (options.highlightBrackets()) {
            classes.add("highlight");
        }
        if (rtl) {
            classes.add("rtl");
        }
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"")
                .append(script.language() == null ? "" : " lang=\"" + script.language() + "\"")
                .append(rtl ? " dir=\"rtl\"" : "").append(">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(title())).append("</title>\n")
                .append("<style>").append(STYLE).append(style).append("</style>\n</head>\n<body")
                .append(classes.isEmpty() ? "" : " class=\"" + String.join(" ", classes) + "\"").append(">\n");
        out.append("<table class=\"masthead\"><tr><td class=\"kind\">").append(escape(nonNull(h.kind())))
                .append("</td><td class=\"symbol\">").append(escape(nonNull(h.reference()))).append("</td></tr></table>\n");
        out.append("<p class=\"meta\">");
        line(MarkdownRenderer.statusLine(doc));
        line(h.date());
        line(options.clean() ? "Clean view: every bracket's first alternative accepted" : null);
        out.append("</p>\n");
        if (h.title() != null) {
            out.append("<h1>").append(String.join("<br/>", h.title().lines().map(HtmlPage::escape).toList()))
                    .append("</h1>\n");
        }
        if (h.venue() != null) {
            out.append("<p class=\"venue\">").append(escape(h.venue())).append("</p>\n");
        }
        doc.section(Section.PREAMBLE).forEach(this::paragraph);
        if (!doc.chapeau().isEmpty()) {
            out.append("<p class=\"para chapeau\">");
            inline(doc.chapeau());
            out.append("</p>\n");
        }
        doc.section(Section.OPERATIVE).forEach(this::paragraph);
        footnotes();
        checkpoint();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private String title() {
        String t = doc.header().title() == null ? "Draft" : doc.header().title().replace('\n', ' ');
        return doc.header().reference() == null ? t : doc.header().reference() + " – " + t;
    }

    private void line(String text) {
        if (text != null) {
            out.append(escape(text)).append("<br/>");
        }
    }

    private void paragraph(Paragraph p) {
        if (p.heading()) {
            int level = Math.min(p.layout().heading() + 1, 4);
            out.append("<h").append(level).append(" id=\"").append(p.id()).append("\">");
            inline(p.content());
            out.append("</h").append(level).append(">\n");
            return;
        }
        out.append("<p id=\"").append(p.id()).append("\" class=\"para")
                .append(p.number() != null ? " numbered" : "").append(p.depth() > 0 ? " depth-" + p.depth() : "")
                .append("\">");
        if (p.number() != null) {
            out.append("<span class=\"num\">").append(escape(MarkdownRenderer.number(p))).append("</span>");
        }
        inline(p.content());
        out.append("</p>\n");
    }

    private void footnotes() {
        if (doc.footnotes().isEmpty()) {
            return;
        }
        out.append("<div class=\"footnotes\">\n");
        for (Footnote f : doc.footnotes()) {
            out.append("<p id=\"fn-").append(escape(f.label())).append("\"><sup>").append(escape(f.label()))
                    .append("</sup> ");
            inline(f.content());
            out.append("</p>\n");
        }
        out.append("</div>\n");
    }

    private void inline(List<Inline> content) {
        Map<Integer, InlineHtml.Tag> tags = InlineHtml.paired(content);
        for (int i = 0; i < content.size(); i++) {
            Inline node = content.get(i);
            if (node instanceof Inline.Text t) {
                out.append(escape(t.text()));
            } else if (node instanceof Inline.Verbatim && tags.containsKey(i)) {
                out.append(tag(tags.get(i)));
            } else if (node instanceof Inline.Verbatim v) {
                out.append(escape(v.text()));
            } else if (node instanceof Inline.Escaped x) {
                out.append(escape(x.character()));
            } else if (node instanceof Inline.Emphasis e) {
                out.append(Conventions.editorialNote(e) ? "<i class=\"note\">" : "<i>");
                inline(e.content());
                out.append("</i>");
            } else if (node instanceof Inline.Strong s) {
                out.append("<b>");
                inline(s.content());
                out.append("</b>");
            } else if (node instanceof Inline.FootnoteRef f) {
                out.append("<sup><a href=\"#fn-").append(escape(f.label())).append("\">").append(escape(f.label()))
                        .append("</a></sup>");
            } else if (node instanceof Inline.LineBreak) {
                out.append("<br/>");
            } else if (node instanceof Inline.Bracket b) {
                bracket(b);
            } else if (node instanceof Inline.ParticipantRef ref) {
                Participant p = doc.participant(ref.participantId()).orElseThrow();
                boolean pending = p.participation() == Participation.PENDING;
                out.append(pending ? "<span class=\"bracket participant\" title=\"participation pending\">[" : "")
                        .append(escape(p.name())).append(pending ? "]</span>" : "");
            }
        }
    }

    /** A kept tag (InlineHtml) as the page writes it: always the same few elements, never as the text wrote it. */
    private static String tag(InlineHtml.Tag tag) {
        String element = switch (tag.mark()) {
            case SUPERSCRIPT -> "sup";
            case SUBSCRIPT -> "sub";
            case UNDERLINE -> "u";
            case SMALL_CAPS -> "span";
            case LINE_BREAK -> "br";
        };
        if (tag.mark() == InlineHtml.Mark.LINE_BREAK) {
            return "<br/>";
        }
        return tag.closing() ? "</" + element + ">"
                : tag.mark() == InlineHtml.Mark.SMALL_CAPS ? "<span class=\"smallcaps\">" : "<" + element + ">";
    }

    private void bracket(Inline.Bracket b) {
        out.append("<span class=\"").append(Conventions.placeholder(b) ? "placeholder" : "bracket")
                .append("\" data-bracket=\"").append(b.id()).append("\">");
        for (int i = 0; i < b.alternatives().size(); i++) {
            Inline.Alternative a = b.alternatives().get(i);
            out.append("<span class=\"alternative\" data-alternative=\"").append(escape(nonNull(a.id())))
                    .append("\" title=\"").append(escape(Holders.describe(b, i))).append("\">[");
            inline(a.content());
            out.append("]</span>");
        }
        out.append("</span>");
        if (options.holders() && !Holders.of(b).isEmpty()) {
            out.append(" <span class=\"holders\">").append(escape(Holders.of(b))).append("</span>");
        }
    }

    /** The record's signed checkpoint, which an auditor checks with the secretariat's public key. */
    private void checkpoint() {
        if (options.checkpoint() != null) {
            out.append("<footer class=\"checkpoint\"><p>The record of this text, as signed by the secretariat "
                    + "(a C2SP checkpoint of the draft's RFC 9162 Merkle log):</p>\n<pre>")
                    .append(escape(options.checkpoint())).append("</pre></footer>\n");
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static String escape(String text) {
        String printable = Printable.of(text);
        StringBuilder sb = new StringBuilder(printable.length());
        for (int i = 0; i < printable.length(); i++) {
            char c = printable.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
