package plenary.local;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PDF read back with PDFBox the way a reader meets it: its words, where each glyph stands on its page, and
 * whether each glyph really is in the font that draws it.
 */
public final class PrintedPages {

    /** A word is a run of letters (with their marks) or of digits: "Turkey¹" is "Turkey" and "1" on paper. */
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*|\\p{N}+");
    /** What PDFBox reports of a glyph's box is its font's, not its ink's: allow a hair. */
    private static final float TOLERANCE = 0.5f;

    /** One glyph as drawn: its text as the font maps it, its box in points from the page's top left. */
    public record Glyph(int page, String unicode, float left, float right, PDFont font, boolean inFont) {
    }

    private final String text;
    private final List<Glyph> glyphs;
    private final List<float[]> pageSizes;

    private PrintedPages(String text, List<Glyph> glyphs, List<float[]> pageSizes) {
        this.text = text;
        this.glyphs = glyphs;
        this.pageSizes = pageSizes;
    }

    public static PrintedPages read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Glyph> glyphs = new ArrayList<>();
            List<float[]> sizes = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                sizes.add(new float[]{page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
            }
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition p) {
                    super.processTextPosition(p);
                    if (!p.getUnicode().isBlank()) {
                        glyphs.add(new Glyph(getCurrentPageNo(), p.getUnicode(), p.getXDirAdj(),
                                p.getXDirAdj() + p.getWidthDirAdj(), p.getFont(), inFont(p)));
                    }
                }
            };
            stripper.setSortByPosition(true);
            return new PrintedPages(stripper.getText(document), List.copyOf(glyphs), List.copyOf(sizes));
        } catch (IOException e) {
            throw new UncheckedIOException("not a PDF PDFBox can read", e);
        }
    }

    private static boolean inFont(TextPosition p) {
        try {
            if (p.getFont() instanceof PDType0Font type0) {
                for (int code : p.getCharacterCodes()) {
                    if (type0.codeToGID(code) == 0) {
                        return false;
                    }
                }
            }
            return p.getFont().isEmbedded();
        } catch (IOException e) {
            return false;
        }
    }

    /** The text as PDFBox extracts it: lines in reading order, presentation forms folded back into letters. */
    public String text() {
        return text;
    }

    public int pages() {
        return pageSizes.size();
    }

    public List<Glyph> glyphs() {
        return glyphs;
    }

    /** The glyphs that stand left or right of the page's margins. */
    public List<Glyph> beyondMargins(float marginPoints) {
        return glyphs.stream().filter(g -> {
            float width = pageSizes.get(g.page() - 1)[0];
            return g.left() < marginPoints - TOLERANCE || g.right() > width - marginPoints + TOLERANCE;
        }).toList();
    }

    /** The glyphs drawn with a font that is not embedded, or that lacks them (a blank box on paper). */
    public List<Glyph> missingGlyphs() {
        return glyphs.stream().filter(g -> !g.inFont()).toList();
    }

    /** The words of a text, with how often each occurs. */
    public static Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) {
            counts.merge(m.group(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The words a Markdown export says, as a reader should find them on paper: without its markup (HTML tags, the
     * {@code Ref:} and {@code Date:} labels of the header).
     */
    public static Map<String, Integer> wordsOfMarkdown(String markdown) {
        return words(markdown.replaceAll("<[^>]+>", " ").replaceAll("(?m)^(Ref|Date):", " "));
    }

    /** The words of {@code expected} that the pages lack, each with how many times it is missing. */
    public Map<String, Integer> missingWords(Map<String, Integer> expected) {
        Map<String, Integer> printed = words(text);
        Map<String, Integer> missing = new HashMap<>();
        expected.forEach((word, count) -> {
            int short_ = count - printed.getOrDefault(word, 0);
            if (short_ > 0) {
                missing.put(word, short_);
            }
        });
        return missing;
    }
}
