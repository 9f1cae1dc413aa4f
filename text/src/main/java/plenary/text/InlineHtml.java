package plenary.text;

import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What inline HTML a text may hold: one rule for the parser, the fold and every export, as {@link Characters} is for
 * characters. Real texts use a few tags for typography: {@code <sup>} and {@code <sub>} ("1<sup>er</sup>",
 * "CO<sub>2</sub>"), {@code <u>}, {@code <br>} and small caps ({@code <span class="smallcaps">}, as pandoc writes
 * them), always without other attributes. The OWASP HTML Sanitizer decides whether a tag is one of those: a tag it
 * would keep whole, with nothing discarded. Autolinks ({@code <https://undocs.org/…>}, {@code <info@un.org>}) are
 * kept too, but only to the web and to mail. Any other HTML, comment, processing instruction or link (an
 * {@code <img onerror>}, a {@code <script>}, a {@code <javascript:…>}) reads as the characters it is written with,
 * as if its {@code <} were escaped, so that no reader that renders Markdown with HTML ever runs it.
 */
public final class InlineHtml {

    /** What a kept tag does. */
    public enum Mark { SUPERSCRIPT, SUBSCRIPT, UNDERLINE, SMALL_CAPS, LINE_BREAK }

    /** A kept tag: what it marks, and whether it ends the mark (a line break never does). */
    public record Tag(Mark mark, boolean closing) {
    }

    private static final Map<String, Mark> ELEMENTS = Map.of("sup", Mark.SUPERSCRIPT, "sub", Mark.SUBSCRIPT,
            "u", Mark.UNDERLINE, "span", Mark.SMALL_CAPS, "br", Mark.LINE_BREAK);
    /** A span only as small caps: the sanitizer drops a span without its class, which then is not kept. */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(ELEMENTS.keySet().toArray(String[]::new))
            .allowAttributes("class").matching(Pattern.compile("smallcaps|small-caps")).onElements("span")
            .toFactory();
    private static final Pattern OPENING = Pattern.compile("<([A-Za-z][A-Za-z0-9-]*)(?:\\s[^<>]*)?/?>");
    private static final Pattern CLOSING = Pattern.compile("</([A-Za-z][A-Za-z0-9-]*)\\s*>");
    /** Tags decided before: every export asks again for each tag of each paragraph. */
    private static final Map<String, Optional<Tag>> KNOWN = new ConcurrentHashMap<>();
    private static final Pattern WEB_OR_MAIL = Pattern.compile(
            "<(?:(?i:https?|mailto):[^<>\\x00-\\x20]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>");

    /** What {@code html}, one tag as written, does if it is a kept tag; empty for any other markup. */
    public static Optional<Tag> tag(String html) {
        Optional<Tag> known = KNOWN.get(html);
        if (known == null) {
            known = decide(html);
            if (KNOWN.size() < 1024) { // texts use a handful of tags; an attacker's endless variety is not kept
                KNOWN.put(html, known);
            }
        }
        return known;
    }

    private static Optional<Tag> decide(String html) {
        Matcher closing = CLOSING.matcher(html);
        if (closing.matches()) {
            Mark mark = ELEMENTS.get(closing.group(1).toLowerCase(Locale.ROOT));
            return mark == null || mark == Mark.LINE_BREAK ? Optional.empty() : Optional.of(new Tag(mark, true));
        }
        Matcher opening = OPENING.matcher(html);
        if (!opening.matches()) {
            return Optional.empty();
        }
        Mark mark = ELEMENTS.get(opening.group(1).toLowerCase(Locale.ROOT));
        return mark != null && keptWhole(html) ? Optional.of(new Tag(mark, false)) : Optional.empty();
    }

    /** Whether a text keeps {@code markup} (a tag, a comment, an autolink … as written) as markup. */
    public static boolean kept(String markup) {
        return tag(markup).isPresent() || WEB_OR_MAIL.matcher(markup).matches();
    }

    /**
     * Whether {@code verbatim}, markup a text holds as written, would be active HTML or a link to anywhere but the
     * web or mail if a reader rendered it: what a text recorded before this rule may hold, and what every way out
     * escapes.
     */
    public static boolean active(String verbatim) {
        return verbatim.startsWith("<") && !kept(verbatim);
    }

    /**
     * The kept tags among {@code content}'s own nodes that have their partner there (an opening tag and the
     * closing tag of the same mark, properly nested), and every line break: by index. The other tags print as the
     * text they are, so that every export stays well-formed.
     */
    public static Map<Integer, Tag> paired(List<Inline> content) {
        Map<Integer, Tag> paired = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();
        Deque<Mark> marks = new ArrayDeque<>();
        for (int i = 0; i < content.size(); i++) {
            if (!(content.get(i) instanceof Inline.Verbatim v)) {
                continue;
            }
            Optional<Tag> tag = tag(v.text());
            if (tag.isEmpty()) {
                continue;
            }
            Tag t = tag.get();
            if (t.mark() == Mark.LINE_BREAK) {
                paired.put(i, t);
            } else if (!t.closing()) {
                open.push(i);
                marks.push(t.mark());
            } else if (!marks.isEmpty() && marks.peek() == t.mark()) {
                marks.pop();
                paired.put(open.pop(), new Tag(t.mark(), false));
                paired.put(i, t);
            }
        }
        return paired;
    }

    private static boolean keptWhole(String html) {
        boolean[] discarded = {false};
        String kept = POLICY.sanitize(html, new HtmlChangeListener<Object>() {
            @Override
            public void discardedTag(Object context, String elementName) {
                discarded[0] = true;
            }

            @Override
            public void discardedAttributes(Object context, String tagName, String... attributeNames) {
                discarded[0] = true;
            }
        }, null);
        return !discarded[0] && !kept.isEmpty();
    }

    private InlineHtml() {
    }
}
