package plenary.query.export;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import plenary.text.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The text as a PDF to circulate: the HTML page, laid out on A4 by openhtmltopdf. */
@Component
class PdfText implements TextRenderer {

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
            builder.withHtmlContent(HtmlPage.render(document, options), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be laid out", e);
        }
        return pdf.toByteArray();
    }
}
