package plenary.query.export;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import plenary.text.Document;

import java.nio.charset.StandardCharsets;

/** The text as a web page to publish: one self-contained HTML file. */
@Component
class HtmlText implements TextRenderer {

    @Override
    public String format() {
        return "html";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("text/html;charset=UTF-8");
    }

    @Override
    public byte[] render(Document document, RenderOptions options) {
        return HtmlPage.render(document, options).getBytes(StandardCharsets.UTF_8);
    }
}
