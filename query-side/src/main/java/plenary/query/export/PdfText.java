package plenary.query.export;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import plenary.text.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The text as a PDF to circulate: the HTML page, laid out on A4 by openhtmltopdf. Its fonts are embedded, so the
 * PDF prints the same everywhere and in every script the delegations write: DejaVu Serif for Latin, Greek and
 * Cyrillic, DejaVu Sans for Arabic script (Persian, Pashto, Urdu, Arabic), shaped and laid out right to left
 * with ICU. The fonts come from the {@code jasperreports-fonts} jar.
 */
@Component
class PdfText implements TextRenderer {

    /** The page's fonts: the first that has a character prints it. */
    static final String STYLE = "body { font-family: 'DejaVu Serif', 'DejaVu Sans'; font-size: 11pt; }\n";

    private record Face(String family, String file, int weight, FontStyle style) {
    }

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final List<Face> FACES = List.of(
            new Face("DejaVu Serif", "DejaVuSerif.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVu Serif", "DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVu Serif", "DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVu Serif", "DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC),
            // Arabic script has no italics: its emphasis prints upright, as Persian and Arabic typesetting does
            new Face("DejaVu Sans", "DejaVuSans.ttf", 400, FontStyle.NORMAL),
            new Face("DejaVu Sans", "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
            new Face("DejaVu Sans", "DejaVuSans.ttf", 400, FontStyle.ITALIC),
            new Face("DejaVu Sans", "DejaVuSans-Bold.ttf", 700, FontStyle.ITALIC));

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.APPLICATION_PDF;
    }

    @Override
    public byte[] render(Document document, RenderOptions options) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            for (Face face : FACES) {
                builder.useFont(() -> font(face.file()), face.family(), face.weight(), face.style(), true);
            }
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ArabicShaper());
            builder.defaultTextDirection(TextDirection.LTR);
            builder.withHtmlContent(HtmlPage.render(document, options, STYLE), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be laid out", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = PdfText.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("the font " + file + " is missing from the classpath (jasperreports-fonts)");
        }
        return in;
    }
}
