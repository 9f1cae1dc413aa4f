package plenary.text.markdown;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import plenary.drafting.Wording;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Inline;
import plenary.text.InlineHtml;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTML in a text (issue 10, item 11): the tags real texts use are kept, everything else reads as the characters
 * it is written with, and the Markdown written back holds no HTML that a reader rendering Markdown with HTML would
 * run; commonmark-java's own HTML renderer, with raw HTML passed through, stands for such a reader.
 */
class RawHtmlTest {

    private static final Parser READER = Parser.builder().build();
    private static final HtmlRenderer BROWSER = HtmlRenderer.builder().build();
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>");
    /** What a Markdown reader writes of its own, and the kept tags. */
    private static final Set<String> ELEMENTS = Set.of("p", "em", "strong", "ol", "ul", "li", "h1", "h2", "h3", "h4",
            "h5", "h6", "hr", "br", "code", "pre", "blockquote", "a", "sup", "sub", "u", "span");
    private static final Pattern ATTRIBUTES = Pattern.compile(
            "(\\s+(href=\"(?!(?i:javascript|data|vbscript):)[^\"]*\"|class=\"small-?caps\"|start=\"\\d+\"))*\\s*/?");

    static Document parse(String markdown) {
        return CorpusTest.read(markdown).document();
    }

    static String paragraph(String markdown) {
        Document doc = parse("1. " + markdown + "\n");
        return MarkdownRenderer.inline(doc, doc.paragraphs().get(0).content());
    }

    /** Fails unless {@code markdown}, rendered by a reader that passes raw HTML through, is inert. */
    static void assertInert(String markdown) {
        String html = BROWSER.render(READER.parse(markdown));
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            assertThat(ELEMENTS).as("element in %s%nfrom%n%s", html, markdown).contains(m.group(2).toLowerCase());
            assertThat(m.group(3)).as("attributes in %s%nfrom%n%s", html, markdown).matches(ATTRIBUTES);
        }
    }

    @Test
    void anImageWithAHandlerReadsAsTextAndIsWrittenEscaped() {
        Document doc = parse("1. Parties <img src=x onerror=alert(1)> shall act.\n");
        assertThat(doc.paragraphs().get(0).content()).containsExactly(new Inline.Text("Parties "),
                new Inline.Escaped("<"), new Inline.Text("img src=x onerror=alert(1)> shall act."));
        String text = MarkdownRenderer.inline(doc, doc.paragraphs().get(0).content());
        assertThat(text).isEqualTo("Parties \\<img src=x onerror=alert(1)> shall act.");
        assertInert(text);
        assertInert(MarkdownRenderer.render(doc));
        assertThat(paragraph(text)).isEqualTo(text);
    }

    @Test
    void theTagsRealTextsUseAreKept() {
        for (String kept : List.of("1<sup>er</sup> janvier", "CO<sub>2</sub>", "<u>underlined</u>", "one<br>two",
                "one<br/>two", "the <span class=\"smallcaps\">Parties</span>", "1<SUP>st</SUP>",
                "see <https://undocs.org/A/RES/70/1>", "write to <info@un.org>")) {
            assertThat(paragraph(kept)).as(kept).isEqualTo(kept);
        }
        Document doc = parse("1. CO<sub>2</sub>\n");
        assertThat(doc.paragraphs().get(0).content()).containsExactly(new Inline.Text("CO"),
                new Inline.Verbatim("<sub>"), new Inline.Text("2"), new Inline.Verbatim("</sub>"));
        assertThat(InlineHtml.paired(doc.paragraphs().get(0).content())).containsOnlyKeys(1, 3);
    }

    @Test
    void everyOtherTagCommentAndLinkIsEscaped() {
        for (String[] refused : new String[][]{
                {"a <script>alert(1)</script> b", "a \\<script>alert(1)\\</script> b"},
                {"a <sup onclick=x>1</sup>", "a \\<sup onclick=x>1</sup>"},
                {"a <span>x</span>", "a \\<span>x</span>"},
                {"a <span class=\"smallcaps\" style=\"x\">b</span>", "a \\<span class=\"smallcaps\" style=\"x\">b</span>"},
                {"a <!-- hidden --> b", "a \\<!-- hidden --> b"},
                {"a <?php x ?> b", "a \\<?php x ?> b"},
                {"a <javascript:alert(1)> b", "a \\<javascript:alert(1)> b"},
                {"a <b title=\"<i>\">c", "a \\<b title=\"\\<i>\">c"},
                {"a <a href=\"x\" title='*y*'>", "a \\<a href=\"x\" title='*y*'>"}}) {
            String once = paragraph(refused[0]);
            assertThat(once).as(refused[0]).isEqualTo(refused[1]);
            assertThat(paragraph(once)).as("fixpoint of " + refused[0]).isEqualTo(once);
            assertInert(once);
        }
    }

    @Test
    void aTagAloneOnTheFirstLineOpensNoHtmlBlock() {
        // in an HTML block nothing is escaped: "\<img …>" would be an image again
        String text = paragraph("<u>  \nx <img src=x onerror=alert(1)>");
        assertThat(text).startsWith("\\<u>");
        assertInert(text);
        Document doc = parse("<br>  \n<img src=x onerror=alert(1)>\n");
        assertInert(MarkdownRenderer.render(doc));
        assertThat(MarkdownRenderer.render(parse(MarkdownRenderer.render(doc)))).isEqualTo(MarkdownRenderer.render(doc));
    }

    @Test
    void aHeaderWithHtmlIsWrittenEscaped() {
        Document doc = parse("**Title <img src=x onerror=alert(1)>**\n\n***Venue <script>x</script>***\n\n1. Text.\n");
        String exported = MarkdownRenderer.render(doc);
        assertThat(exported).contains("**Title \\<img src=x onerror=alert(1)>**", "\\<script>");
        assertInert(exported);
        assertThat(MarkdownRenderer.render(parse(exported))).isEqualTo(exported);
    }

    /** The events are the record and are never rewritten: what they hold reads escaped. */
    @Test
    void markupRecordedBeforeTheRuleReadsEscaped() {
        List<Inline> folded = EventText.inline(List.of(new Wording.Text("a "),
                new Wording.Verbatim("<img src=x onerror=alert(1)>"), new Wording.Verbatim("<sup>")));
        assertThat(folded).containsExactly(new Inline.Text("a "), new Inline.Escaped("<"),
                new Inline.Text("img src=x onerror=alert(1)>"), new Inline.Verbatim("<sup>"));
        // a read model stored before it holds the verbatim node itself
        Document doc = parse("1. x\n");
        assertThat(MarkdownRenderer.inline(doc, List.of(new Inline.Verbatim("<img src=x onerror=alert(1)>"))))
                .isEqualTo("\\<img src=x onerror=alert(1)>");
    }

    /** The round trip stays a fixpoint with HTML among 2,000 random texts, and what it writes is inert. */
    @Test
    void randomTextsWithHtmlAreAFixpointAndInert() {
        Random random = new Random(11);
        for (int round = 0; round < CorpusTest.MIXES; round++) {
            String text = RandomTexts.text(random, true);
            String once = MarkdownRenderer.render(parse(text));
            String twice = MarkdownRenderer.render(parse(once));
            assertThat(twice).as("fixpoint of%n%s", text).isEqualTo(once);
            assertInert(once);
            Document doc = parse(text);
            doc.paragraphs().forEach(p -> assertInert(MarkdownRenderer.inline(doc, p.content())));
        }
    }
}
