package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import plenary.devdb.DevDatabase;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTML in a text (issue 10, item 11), sent as an attacker would, in a paragraph, an alternative, a footnote, an
 * imported text and a draft's reference: in {@code text}, the live message, {@code /events} and every export it
 * comes back inert, where a reader that renders Markdown with HTML (commonmark-java's, raw HTML passed through)
 * or a browser would otherwise run it. The tags real texts use come back as markup: superscript, subscript,
 * underline, small caps and line breaks in the HTML, PDF, Akoma Ntoso and DOCX exports.
 */
class RawHtmlTest {

    static final String ATTACK = "Parties <img src=x onerror=alert(1)> shall act <script>alert(2)</script> "
            + "<javascript:alert(3)>, 1<sup>er</sup> janvier, CO<sub>2</sub>, <u>now</u>, as "
            + "<span class=\"smallcaps\">Parties</span> agreed.";
    static final String ESCAPED = "Parties \\<img src=x onerror=alert(1)> shall act \\<script>alert(2)\\</script> "
            + "\\<javascript:alert(3)>, 1<sup>er</sup> janvier, CO<sub>2</sub>, <u>now</u>, as "
            + "<span class=\"smallcaps\">Parties</span> agreed.";
    static final String IMPORTED = """
            Ref: RAW/1

            Draft

            **A title <img src=x onerror=alert(7)>**

            ***Declaration***

            1. First<sup>1</sup> paragraph<sup>a, b</sup> <iframe src=javascript:alert(8)>.

            2. <br>\s\s
            then <img src=y onerror=alert(9)> after a tag alone on its line.

            ---

            <sup>1</sup> A note <svg onload=alert(10)>.
            """;
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>");
    private static final Set<String> MARKDOWN_ELEMENTS = Set.of("p", "em", "strong", "ol", "ul", "li", "h1", "h2",
            "h3", "h4", "hr", "br", "code", "a", "sup", "sub", "u", "span");

    static Plenary plenary;
    static String draft;
    static Client kaz;
    static Client auditor;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = new Drafts(plenary).seed("kaz");
        kaz = new Client(plenary.commandPort(), "kaz");
        auditor = new Client(plenary.queryPort(), "auditor");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    /** Fails unless {@code markdown}, rendered by a reader that passes raw HTML through, is inert. */
    static void assertInert(String markdown) {
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            assertThat(MARKDOWN_ELEMENTS).as("element in %s", html).contains(m.group(2).toLowerCase());
            assertThat(m.group(3)).as("attributes in %s", html)
                    .matches("(\\s+(href=\"https?:[^\"]*\"|class=\"smallcaps\"|start=\"\\d+\"))*\\s*/?");
        }
    }

    /** Fails unless the XML holds no element or attribute a browser would run, and returns its text. */
    static String assertInertXml(byte[] xml) throws Exception {
        org.w3c.dom.Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.getTagName()).isNotIn("img", "script", "iframe", "svg", "object", "embed");
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                assertThat(attributes.item(a).getNodeName()).doesNotStartWith("on");
                assertThat(attributes.item(a).getNodeValue()).doesNotContainIgnoringCase("javascript:");
            }
        }
        return dom.getDocumentElement().getTextContent();
    }

    @Test
    void htmlInAParagraphComesBackInertInTextLiveEventsAndEveryExport() throws Exception {
        try (LiveClient live = new LiveClient(plenary.queryPort(), "kaz")) {
            live.subscribe("/topic/drafts." + draft);
            Client.Response proposed = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                    Map.of("section", "OPERATIVE", "text", ATTACK));
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
            String paragraph = proposed.json().get("paragraphId").asText();
            long version = proposed.json().get("version").asLong();

            JsonNode message = live.next();
            while (message.get("version").asLong() < version) {
                message = live.next();
            }
            assertThat(paragraphById(message, paragraph).get("text").asText()).isEqualTo(ESCAPED);
            assertInert(paragraphById(message, paragraph).get("text").asText());

            JsonNode read = new Drafts(plenary).awaitVersion(draft, version);
            JsonNode p = paragraphById(read, paragraph);
            assertThat(p.get("text").asText()).isEqualTo(ESCAPED);
            assertThat(p.get("content").toString()).doesNotContain("\"node\":\"verbatim\",\"text\":\"<img");
            JsonNode events = auditor.get("/api/drafts/" + draft + "/events?after=" + (version - 1)).json();
            assertThat(events.toString()).contains(ESCAPED.replace("\\", "\\\\").replace("\"", "\\\""));

            String markdown = auditor.get("/api/drafts/" + draft + "/text?format=markdown").body();
            assertThat(markdown).contains(ESCAPED);
            assertInert(markdown);

            String html = new String(auditor.getBytes("/api/drafts/" + draft + "/text?format=html"),
                    StandardCharsets.UTF_8);
            String htmlText = assertInertXml(html.getBytes(StandardCharsets.UTF_8));
            assertThat(htmlText).contains("Parties <img src=x onerror=alert(1)> shall act <script>alert(2)</script>");
            assertThat(html).contains("1<sup>er</sup> janvier", "CO<sub>2</sub>", "<u>now</u>",
                    "<span class=\"smallcaps\">Parties</span>");

            String akn = assertInertXml(auditor.getBytes("/api/drafts/" + draft + "/text?format=akn"));
            assertThat(akn).contains("Parties <img src=x onerror=alert(1)> shall act");
            assertThat(new String(auditor.getBytes("/api/drafts/" + draft + "/text?format=akn"), StandardCharsets.UTF_8))
                    .contains("1<sup>er</sup> janvier", "CO<sub>2</sub>", "<u>now</u>");

            String word = docxBody(auditor.getBytes("/api/drafts/" + draft + "/text?format=docx"));
            assertThat(word).contains("w:val=\"superscript\"", "w:val=\"subscript\"", "<w:smallCaps")
                    .doesNotContain("&lt;sup&gt;");
            assertThat(word.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">"))
                    .as("as text in the runs").contains("Parties <img src=x onerror=alert(1)> shall act");

            try (PDDocument pdf = Loader.loadPDF(auditor.getBytes("/api/drafts/" + draft + "/text?format=pdf"))) {
                String printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(printed).contains("<img src=x onerror=alert(1)>").doesNotContain("<sup>");
            }

            Client.Response bracketed = kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                    Map.of("quote", "agreed", "alternatives", List.of("<img src=z onerror=alert(4)>")));
            assertThat(bracketed.status()).as(bracketed.body()).isEqualTo(201);
            JsonNode after = new Drafts(plenary).awaitVersion(draft, bracketed.json().get("version").asLong());
            JsonNode alternatives = paragraphById(after, paragraph).get("brackets").get(0).get("alternatives");
            assertThat(alternatives.get(1).get("text").asText()).isEqualTo("\\<img src=z onerror=alert(4)>");
            assertInert(auditor.get("/api/drafts/" + draft + "/text?format=markdown").body());
        }
    }

    @Test
    void anImportedTextKeepsItsTypographyAndLosesItsScripts() throws Exception {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        Client.Response imported = secretariat.post("/api/drafts/import", "text/markdown", IMPORTED);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String d = imported.json().get("draftId").asText();
        JsonNode doc = new Drafts(plenary).awaitVersion(d, imported.json().get("version").asLong());
        List<String> texts = new ArrayList<>();
        doc.get("paragraphs").forEach(p -> texts.add(p.get("text").asText()));
        doc.get("footnotes").forEach(f -> texts.add(f.get("text").asText()));
        texts.forEach(RawHtmlTest::assertInert);
        assertThat(texts.get(0)).isEqualTo("First<sup>1</sup> paragraph<sup>a, b</sup> \\<iframe src=javascript:alert(8)>.");
        assertThat(texts.get(1)).isEqualTo("\\<br>  \nthen \\<img src=y onerror=alert(9)> after a tag alone on its line.");
        assertThat(texts.get(2)).isEqualTo("A note \\<svg onload=alert(10)>.");

        String markdown = auditor.get("/api/drafts/" + d + "/text?format=markdown").body();
        assertInert(markdown);
        assertThat(markdown).contains("**A title \\<img src=x onerror=alert(7)>**");

        String html = new String(auditor.getBytes("/api/drafts/" + d + "/text?format=html"), StandardCharsets.UTF_8);
        assertInertXml(html.getBytes(StandardCharsets.UTF_8));
        assertThat(html).as("a footnote's mark and other superscript").contains("First<sup><a href=\"#fn-1\">1</a></sup>",
                "paragraph<sup>a, b</sup> &lt;iframe");
        assertInertXml(auditor.getBytes("/api/drafts/" + d + "/text?format=akn"));
    }

    @Test
    void aReferenceWithHtmlIsEscapedInTheMarkdown() {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        Client.Response created = secretariat.postJson("/api/drafts", Map.of("reference", "X/<img src=x onerror=alert(11)>",
                "title", "T <script>alert(12)</script>", "kind", "Declaration", "date", "<b onmouseover=alert(13)>"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String d = created.json().get("draftId").asText();
        new Drafts(plenary).awaitVersion(d, 1);
        String markdown = auditor.get("/api/drafts/" + d + "/text?format=markdown").body();
        assertThat(markdown).contains("Ref: X/\\<img src=x onerror=alert(11)>", "**T \\<script>alert(12)\\</script>**");
        assertInert(markdown);
    }

    private static JsonNode paragraphById(JsonNode document, String id) {
        for (JsonNode p : document.get("paragraphs")) {
            if (id.equals(p.get("paragraphId").asText())) {
                return p;
            }
        }
        throw new AssertionError("no paragraph " + id);
    }

    private static String docxBody(byte[] docx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }
}
