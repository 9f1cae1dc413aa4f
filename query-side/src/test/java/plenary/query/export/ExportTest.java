package plenary.query.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import plenary.drafting.Section;
import plenary.text.CleanText;
import plenary.text.Document;
import plenary.text.IdAllocator;
import plenary.text.markdown.MarkdownImporter;

import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Each export read back with the tool a secretariat would use on it: POI, PDFBox, an XML parser. */
class ExportTest {

    static final TextRenderer.RenderOptions PLAIN = TextRenderer.RenderOptions.DEFAULT;

    static Document corpus(String name) throws IOException {
        try (InputStream in = ExportTest.class.getResourceAsStream("/corpus/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return MarkdownImporter.parse(text, new IdAllocator(1), "Secretariat");
        }
    }

    static Document decision() throws IOException {
        return corpus("ashgabat-water-cooperation-decision-zero-draft.md");
    }

    static Document treaty() throws IOException {
        return corpus("caspian-cooperation-agreement-articles.md");
    }

    @Test
    void theWordDocumentHasRealFootnotesItalicsBoldNumbersAndEveryBracket() throws IOException {
        byte[] docx = new DocxText().render(decision(), PLAIN);

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String body = text(word);
            assertThat(word.getFootnotes()).hasSize(2);
            assertThat(word.getFootnotes().get(1).getParagraphs().get(0).getText())
                    .contains("Including data on [water quality][water quantity and quality].");
            assertThat(body).contains("CAWC/2024/L.3", "3bis.\t", "3.3alt\t", "(a)\t", "(ii)\t",
                    "[shared][transboundary][international]", "[Placeholder for provisions on the review of this decision]");
            assertThat(count(body, '[') + count(footnotes(word), '['))
                    .isEqualTo(count(body, ']') + count(footnotes(word), ']'))
                    .isEqualTo(bracketsInMarkdown(decision()));
            assertThat(runs(word)).anyMatch(r -> r.isItalic() && r.text().equals("Recalling"))
                    .anyMatch(r -> r.isBold() && r.text().equals("Option 1:"));
            XWPFParagraph sub = word.getParagraphs().stream().filter(p -> p.getText().startsWith("(a)")).findFirst()
                    .orElseThrow();
            assertThat(sub.getIndentationLeft()).isGreaterThan(word.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("2.")).findFirst().orElseThrow().getIndentationLeft());
        }
    }

    @Test
    void bracketsCanBeHighlightedAndTheirHoldersShownInWord() throws IOException {
        byte[] docx = new DocxText().render(decision(), new TextRenderer.RenderOptions(false, true, true));

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(runs(word)).anyMatch(r -> r.text().equals("[") && r.isHighlighted());
            assertThat(word.getParagraphs().stream().map(XWPFParagraph::getText)).anyMatch(t -> t.contains("(Secretariat)"));
        }
    }

    @Test
    void thePdfIsLaidOutFromTheHtmlPage() throws IOException {
        byte[] pdf = new PdfText().render(decision(), PLAIN);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            assertThat(read.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(text).contains("CAWC/2024/L.3", "Regional Framework on Transboundary Water Cooperation",
                    "3bis.", "[shall][should]", "Including data on");
        }
    }

    @Test
    void theHtmlPageIsWellFormedAndMarksBracketsAndHoldersOnRequest() throws Exception {
        String plain = HtmlPage.render(decision(), PLAIN);
        String marked = HtmlPage.render(decision(), new TextRenderer.RenderOptions(false, true, true));

        xml(plain.getBytes(StandardCharsets.UTF_8));
        assertThat(plain).contains("<td class=\"symbol\">CAWC/2024/L.3</td>", "<i>Recalling</i>",
                "<span class=\"num\">3bis.</span>", "class=\"para numbered depth-2\"", "<a href=\"#fn-1\">1</a>",
                "class=\"placeholder\"", "<i class=\"note\">{Co-Chairs")
                .doesNotContain("class=\"highlight\"", "class=\"holders\"");
        assertThat(marked).contains("<body class=\"highlight\">", "<span class=\"holders\">(Secretariat)</span>");
    }

    @Test
    void akomaNtosoIsWellFormedWithFrbrPrefacePreambleBodyAndNotes() throws Exception {
        byte[] akn = new AknText().render(treaty(), PLAIN);
        org.w3c.dom.Document xml = xml(akn);
        XPath xpath = akn();

        assertThat(xpath.evaluate("/a:akomaNtoso/a:doc/@name", xml)).isEqualTo("agreement");
        assertThat(xpath.evaluate("//a:identification/a:FRBRWork/a:FRBRthis/@value", xml))
                .isEqualTo("/akn/un/doc/agreement/2023-11-08/casp-igm-2023-3-rev-1/!main");
        assertThat(xpath.evaluate("//a:FRBRExpression/a:FRBRlanguage/@language", xml)).isEqualTo("eng");
        assertThat(xpath.evaluate("//a:FRBRManifestation/a:FRBRuri/@value", xml)).endsWith(".akn");
        assertThat(xpath.evaluate("/a:akomaNtoso/a:doc/a:preface//a:docNumber", xml)).isEqualTo("CASP/IGM/2023/3/Rev.1");
        assertThat(xpath.evaluate("//a:preface//a:docDate/@date", xml)).isEqualTo("2023-11-08");
        assertThat(nodes(xpath, xml, "/a:akomaNtoso/a:doc/a:preamble/a:recitals/a:recital").getLength()).isEqualTo(4);
        assertThat(xpath.evaluate("//a:preamble/a:formula[@name='enactingFormula']", xml).strip())
                .isEqualTo("Have agreed as follows:");
        assertThat(nodes(xpath, xml, "/a:akomaNtoso/a:doc/a:mainBody/a:article").getLength()).isEqualTo(4);
        assertThat(xpath.evaluate("//a:article[@eId='art_2']/a:paragraph[@eId='art_2__para_1']"
                + "/a:point[@eId='art_2__para_1__point_b']/a:num", xml)).isEqualTo("(b)");
        assertThat(xpath.evaluate("//a:paragraph[@eId='art_2__para_1']/a:intro/a:p", xml)).startsWith("The Parties shall");
        assertThat(nodes(xpath, xml, "//a:authorialNote[@placement='bottom']").getLength()).isEqualTo(2);
        assertThat(xpath.evaluate("//a:authorialNote[@marker='2']/a:p", xml)).startsWith("Within the meaning");
        assertThat(nodes(xpath, xml, "//a:inline[@name='bracket']").getLength()).isGreaterThan(10);

        NodeList withIds = nodes(xpath, xml, "//*[@eId]");
        Set<String> eIds = new HashSet<>();
        for (int i = 0; i < withIds.getLength(); i++) {
            String eId = withIds.item(i).getAttributes().getNamedItem("eId").getNodeValue();
            assertThat(eIds.add(eId)).as("unique " + eId).isTrue();
            assertThat(eId).matches("[a-zA-Z]+(_[0-9A-Za-z-]+)?(__[a-zA-Z]+_[0-9A-Za-z-]+)*");
        }
    }

    @Test
    void sub_paragraphsBecomeNestedPointsInAkomaNtoso() throws Exception {
        org.w3c.dom.Document xml = xml(new AknText().render(decision(), PLAIN));
        XPath xpath = akn();

        assertThat(xpath.evaluate("//a:paragraph[@eId='para_2']/a:point[@eId='para_2__point_c']"
                + "/a:point[@eId='para_2__point_c__point_ii']/a:content/a:p", xml)).contains("early warning");
        assertThat(nodes(xpath, xml, "//a:inline[@name='placeholder']").getLength()).isEqualTo(2);
        assertThat(nodes(xpath, xml, "//a:inline[@name='editorialNote']").getLength()).isEqualTo(2);
    }

    @Test
    void theCleanViewReadsAsIfEveryFirstAlternativeWereAccepted() throws Exception {
        Document clean = CleanText.of(decision());
        String html = HtmlPage.render(clean, new TextRenderer.RenderOptions(true, false, false));

        assertThat(html).contains("Adopt the Regional Framework", "[Placeholder for provisions")
                .doesNotContain("Take note of", "3.3alt", "Option 2", "{Note", "class=\"bracket\"");
        assertThat(clean.section(Section.OPERATIVE).stream().map(p -> p.number())).doesNotContain("3.3alt", "3bis");
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(new DocxText().render(clean, PLAIN)))) {
            String body = text(word);
            assertThat(body).contains("Parties shall share hydrological data on a monthly basis;")
                    .doesNotContain("[shall]");
        }
    }

    @Test
    void everyExportStaysValidWhateverCharactersTheRecordHolds() throws Exception {
        String bad = "\u0001\u0008\u001F\u007F\u0085\uFFFE\uFFFF\uFDD0\uD800\uDC00\u202E\u2066";
        Document doc = MarkdownImporter.parse("""
                Ref: X/%1$s/1

                **Title %1$s**

                ***Venue %1$s***

                1. Words %1$s [and %1$s][or %1$s]<sup>1</sup> end.

                ---

                <sup>1</sup> Note %1$s.
                """.formatted(bad), new IdAllocator(1), "Secretariat");

        String html = HtmlPage.render(doc, new TextRenderer.RenderOptions(false, true, true));
        org.w3c.dom.Document akn = xml(new AknText().render(doc, PLAIN));
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(new DocxText().render(doc, PLAIN)));
             PDDocument pdf = Loader.loadPDF(new PdfText().render(doc, PLAIN))) {
            assertThat(text(word)).contains("Words \uFFFD").doesNotContain("\u0001", "\u202E");
            assertThat(new PDFTextStripper().getText(pdf)).contains("Words", "Note");
        }
        xml(html.getBytes(StandardCharsets.UTF_8));
        assertThat(html).contains("Words \uFFFD").doesNotContain("\u0001", "\u202E", "\uFFFE");
        assertThat(akn.getDocumentElement().getTextContent()).contains("Words \uFFFD", "Note \uFFFD")
                .doesNotContain("\u202E");
    }

    private static int bracketsInMarkdown(Document doc) {
        String md = plenary.text.markdown.MarkdownRenderer.render(doc);
        return count(md.replace("\\[", ""), '[') - count(md, '^');
    }

    private static String footnotes(XWPFDocument word) {
        return word.getFootnotes().stream().flatMap(f -> f.getParagraphs().stream())
                .map(ExportTest::words).collect(Collectors.joining("\n"));
    }

    /** The words of the body as Word shows them (POI's paragraph text would add "[footnoteRef:1]"). */
    private static String text(XWPFDocument word) {
        return word.getParagraphs().stream()
                .map(ExportTest::words).collect(Collectors.joining("\n"));
    }

    private static String words(XWPFParagraph p) {
        return p.getRuns().stream().filter(r -> r.getCTR().sizeOfFootnoteReferenceArray() == 0)
                .map(XWPFRun::text).collect(Collectors.joining());
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    private static List<XWPFRun> runs(XWPFDocument word) {
        return word.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).toList();
    }

    static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static NodeList nodes(XPath xpath, org.w3c.dom.Document xml, String path) throws Exception {
        return (NodeList) xpath.evaluate(path, xml, XPathConstants.NODESET);
    }

    private static XPath akn() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return "a".equals(prefix) ? AknText.NS : null;
            }

            public String getPrefix(String uri) {
                return null;
            }

            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    }
}
