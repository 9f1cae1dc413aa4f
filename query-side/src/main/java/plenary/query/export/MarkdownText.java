package plenary.query.export;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import plenary.text.Document;
import plenary.text.markdown.MarkdownRenderer;

import java.nio.charset.StandardCharsets;

/** The canonical text: the Markdown format of the API, whose SHA-256 finalising records. */
@Component
class MarkdownText implements TextRenderer {

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public MediaType mediaType() {
        return MediaType.parseMediaType("text/markdown;charset=UTF-8");
    }

    @Override
    public byte[] render(Document document, RenderOptions options) {
        return MarkdownRenderer.render(document).getBytes(StandardCharsets.UTF_8);
    }
}
