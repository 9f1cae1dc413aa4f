package plenary.query.export;

import org.springframework.http.MediaType;
import plenary.text.Document;

/** One format of {@code GET /api/drafts/{d}/text?format=…}. Each renderer is a Spring bean. */
public interface TextRenderer {

    /** The value of {@code format=} that selects this renderer. */
    String format();

    MediaType mediaType();

    byte[] render(Document document, RenderOptions options);

    /** Reader's choices that apply to several formats, e.g. {@code view=clean}. */
    record RenderOptions(String view) {
        public static final RenderOptions DEFAULT = new RenderOptions(null);
    }
}
