package plenary.text.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import plenary.drafting.Section;
import plenary.text.Brackets;
import plenary.text.Conventions;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Paragraph;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the corpus comes back as it was written, and no bracket is ever gained, lost or moved. */
class CorpusTest {

    static Stream<String> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList().stream();
        }
    }

    static MarkdownImporter.Result read(String markdown) {
        return MarkdownImporter.read(markdown, new IdAllocator(1), "Secretariat");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void importThenExportGivesBackTheSameText(String name) throws IOException {
        String text = RoundTripTest.resource(name);
        String exported = MarkdownRenderer.render(read(text).document());
        assertThat(RoundTripTest.normalise(exported)).isEqualTo(RoundTripTest.normalise(text));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void theExportIsAFixedPoint(String name) throws IOException {
        String once = MarkdownRenderer.render(read(RoundTripTest.resource(name)).document());
        assertThat(MarkdownRenderer.render(read(once).document())).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyBracketKeepsItsNumberAndNesting(String name) throws IOException {
        String text = RoundTripTest.resource(name);
        String exported = MarkdownRenderer.render(read(text).document());
        assertThat(bracketSkeleton(exported)).isEqualTo(bracketSkeleton(text));
        Document again = read(exported).document();
        assertThat(shape(again)).isEqualTo(shape(read(text).document()));
    }

    @Test
    void bracketsSurviveAnyMixOfNestingEmphasisAndEscapes() {
        String[] pieces = {"[", "]", "][", "*", " word ", "\\[", "\\]", "(a) ", "<sup>1</sup>", "[^2]", "*{note}*"};
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder("1. ");
            for (int i = random.nextInt(12); i >= 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            sb.append(" end");
            String text = sb.toString();
            String exported = MarkdownRenderer.render(read(text).document());
            assertThat(bracketSkeleton(exported)).as(text).isEqualTo(bracketSkeleton(text));
            assertThat(MarkdownRenderer.render(read(exported).document())).as(text).isEqualTo(exported);
        }
    }

    /**
     * The round trip is a fixpoint, export(import(export(import(t)))) = export(import(t)), for 2,000 random texts
     * mixing headings, numbered and unnumbered paragraphs, footnotes, brackets, emphasis, escapes of every kind,
     * hard line breaks and words in three scripts; and no escape or backslash line break of the text is lost.
     */
    @Test
    void theRoundTripIsAFixpointForRandomMixes() {
        Random random = new Random(2026);
        int texts = 0;
        for (int round = 0; round < MIXES; round++) {
            String text = RandomTexts.text(random);
            String once = MarkdownRenderer.render(read(text).document());
            String twice = MarkdownRenderer.render(read(once).document());
            assertThat(twice).as("fixpoint of%n%s", text).isEqualTo(once);
            Map<Character, Long> kept = escapes(once);
            escapes(text).forEach((c, n) -> assertThat(kept.getOrDefault(c, 0L)).as("'\\%s' kept from%n%s", c, text)
                    .isGreaterThanOrEqualTo(n));
            assertThat(sorted(bracketSkeleton(once))).as("brackets of%n%s", text).isEqualTo(sorted(bracketSkeleton(text)));
            texts++;
        }
        assertThat(texts).isEqualTo(MIXES);
    }

    static final int MIXES = 2000;

    private static String sorted(String s) {
        return s.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** How often the text escapes each character (footnotes may move), a backslash line break counted as '\n'. */
    static Map<Character, Long> escapes(String markdown) {
        Map<Character, Long> found = new java.util.HashMap<>();
        for (int i = 0; i + 1 < markdown.length(); i++) {
            char next = markdown.charAt(i + 1);
            if (markdown.charAt(i) == '\\' && (next == '\n' || (next > ' ' && next < 127 && !Character.isLetterOrDigit(next)))) {
                found.merge(next, 1L, Long::sum);
                i++;
            }
        }
        return found;
    }

    @Test
    void theConstructsOfRealTextsAreUnderstood() throws IOException {
        Document doc = read(RoundTripTest.resource("ashgabat-water-cooperation-decision-zero-draft.md")).document();
        List<Paragraph> op = doc.section(Section.OPERATIVE);

        assertThat(op).extracting(Paragraph::number).containsExactly(
                "1", "2", "a", "b", "c", "i", "ii", "3", "3bis", "3ter", "3.3", "3.3alt", "4", "5");
        assertThat(op).extracting(Paragraph::depth).containsExactly(0, 0, 1, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0);
        assertThat(Conventions.alternativeNumber(op.get(11).number())).isTrue();
        assertThat(Conventions.optionLabel(op.get(7).content())).isTrue();
        Inline.Bracket placeholder = (Inline.Bracket) doc.section(Section.PREAMBLE).get(3).content().get(0);
        assertThat(Conventions.placeholder(placeholder)).isTrue();
        assertThat(doc.footnotes()).extracting(Footnote::style).containsOnly(Footnote.Style.CARET);
        Inline note = doc.section(Section.PREAMBLE).get(2).content().get(doc.section(Section.PREAMBLE).get(2)
                .content().size() - 1);
        assertThat(note).isInstanceOfSatisfying(Inline.Emphasis.class,
                e -> assertThat(Conventions.editorialNote(e)).isTrue());
        Inline.Bracket deep = Brackets.all(doc.section(Section.PREAMBLE).get(2).content()).get(0);
        assertThat(depth(List.of(deep))).isEqualTo(3);
        Inline.Bracket run = Brackets.all(doc.section(Section.PREAMBLE).get(1).content()).get(0);
        assertThat(run.alternatives()).hasSize(3);

        Document treaty = read(RoundTripTest.resource("caspian-cooperation-agreement-articles.md")).document();
        assertThat(treaty.section(Section.OPERATIVE).stream().filter(Paragraph::heading)
                .map(p -> MarkdownRenderer.inline(treaty, p.content())))
                .containsExactly("Article 1", "Article 2", "[Article 3: Competent authorities]", "Article 4");
        assertThat(treaty.section(Section.PREAMBLE)).hasSize(4).allMatch(p -> p.number() == null);
        assertThat(treaty.footnotes()).extracting(Footnote::style).containsOnly((Footnote.Style) null);
    }

    @Test
    void imperfectTextsAreKeptAsWrittenAndEachStrayBracketIsReported() throws IOException {
        MarkdownImporter.Result result = read(RoundTripTest.resource("dushanbe-compilation-imperfect.md"));

        assertThat(result.warnings()).extracting(w -> w.line() + ":" + w.column()).containsExactly(
                "11:16", "11:60", "13:19", "13:37", "15:60", "34:85", "34:87");
        assertThat(result.warnings().get(0).message()).contains("emphasis");
        assertThat(result.warnings().get(1).message()).contains("closes no bracket");
        assertThat(result.warnings().get(3).message()).contains("never closed");
    }

    @Test
    void unknownConstructsStayInTheText() throws IOException {
        Document doc = read(RoundTripTest.resource("dushanbe-compilation-imperfect.md")).document();
        String exported = MarkdownRenderer.render(doc);

        assertThat(exported).contains("| Basin | Glaciers | Area (km²) |  \n", "- data exchange;  \n- capacity-building;",
                "> The secretariat notes", "<u>Global Water Information System</u>", "`WMO-No. 1234`",
                "5 * 3 year", "UN_Water", "\\[bracketed by the secretariat\\]");
    }

    @Test
    void aTextWithoutBlankLinesBetweenParagraphsIsReadParagraphByParagraph() {
        Document doc = read("*Decide to:*\n1. One;\n2. Two:\n   (a) first;\n   (b) second.\n").document();
        assertThat(doc.section(Section.OPERATIVE)).extracting(Paragraph::number).containsExactly("1", "2", "a", "b");
    }

    /** Only the square brackets of a text, unescaped, in order: "[[][]]". */
    static String bracketSkeleton(String markdown) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == ']') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The brackets of a document as a tree of alternative counts, ids left out. */
    static String shape(Document doc) {
        StringBuilder sb = new StringBuilder();
        doc.paragraphs().forEach(p -> shape(p.content(), sb.append('|')));
        doc.footnotes().forEach(f -> shape(f.content(), sb.append('^')));
        return sb.toString();
    }

    private static void shape(List<Inline> content, StringBuilder sb) {
        for (Inline node : content) {
            if (node instanceof Inline.Bracket b) {
                sb.append('{');
                b.alternatives().forEach(a -> shape(a.content(), sb.append('/')));
                sb.append('}');
            } else if (node instanceof Inline.Emphasis e) {
                shape(e.content(), sb);
            } else if (node instanceof Inline.Strong s) {
                shape(s.content(), sb);
            } else if (node instanceof Inline.Verbatim v) {
                sb.append(v.text().replaceAll("[^\\[\\]]", ""));
            }
        }
    }

    private static int depth(List<Inline> content) {
        int max = 0;
        for (Inline node : content) {
            if (node instanceof Inline.Bracket b) {
                for (Inline.Alternative a : b.alternatives()) {
                    max = Math.max(max, 1 + depth(a.content()));
                }
            } else if (node instanceof Inline.Emphasis e) {
                max = Math.max(max, depth(e.content()));
            }
        }
        return max;
    }
}
