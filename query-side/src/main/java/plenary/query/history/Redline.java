package plenary.query.history;

import org.springframework.web.util.HtmlUtils;

/**
 * A diff as a redline, the way a secretariat circulates Rev.2 against Rev.1: the whole later text, with what was
 * added in {@code <ins>} and what was taken out in {@code <del>}; hovering a mark names who made it and when.
 */
final class Redline {

    static String html(DraftDiff diff, String title) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>%s</title>
                <style>
                body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.5; }
                ins { color: #0a5d1e; background: #e6f4ea; text-decoration: underline; }
                del { color: #a50e0e; background: #fce8e6; text-decoration: line-through; }
                .number { font-weight: bold; margin-right: .5em; }
                </style></head><body>
                <h1>%s</h1>
                <p>Version %d compared with version %d.</p>
                """.formatted(escape(title), escape(title), diff.to().version(), diff.from().version()));
        for (DraftDiff.ParagraphChange p : diff.paragraphs()) {
            html.append("<p id=\"").append(escape(p.paragraphId())).append("\">");
            if (p.paragraph() != null) {
                html.append("<span class=\"number\">").append(escape(p.paragraph())).append("</span>");
            }
            switch (p.change()) {
                case ADDED -> html.append(mark("ins", p.after(), only(p)));
                case DELETED -> html.append(mark("del", p.before(), only(p)));
                case UNCHANGED -> html.append(escape(p.after()));
                case CHANGED -> p.segments().forEach(s -> html.append(switch (s.op()) {
                    case EQUAL -> escape(s.text());
                    case INSERT -> mark("ins", s.text(), s.by());
                    case DELETE -> mark("del", s.text(), s.by());
                }));
            }
            html.append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static Blame.By only(DraftDiff.ParagraphChange p) {
        return p.changedBy().size() == 1 ? p.changedBy().get(0) : null;
    }

    private static String mark(String tag, String text, Blame.By by) {
        String title = by == null ? ""
                : " title=\"" + escape(by.actor().attribution() + ", version " + by.version()) + "\"";
        return "<" + tag + title + ">" + escape(text) + "</" + tag + ">";
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    private Redline() {
    }
}
