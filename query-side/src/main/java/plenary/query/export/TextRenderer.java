package plenary.query.export;

import org.springframework.http.MediaType;
import plenary.text.Document;

/** One format of {@code GET /api/drafts/{d}/text?format=…}. Each renderer is a Spring bean. */
interface TextRenderer {

    /** The value of {@code format=} that selects this renderer. */
    String format();

    MediaType mediaType();

    /** The file name's extension when the text is downloaded. */
    default String extension() {
        return format();
    }

    byte[] render(Document document, RenderOptions options);

    /**
     * Reader's choices that apply to several formats. {@code clean}: every bracket's first alternative accepted
     * (the controller has already applied it to the document); {@code highlightBrackets}: brackets stand out;
     * {@code holders}: each bracket is followed by who holds it. {@code checkpoint}: the signed checkpoint of the
     * record when the text is one the secretariat issued (a revision, the final text, a corrigendum), else null;
     * every format but Markdown, whose bytes the final text's content hash pins, carries it.
     */
    record RenderOptions(boolean clean, boolean highlightBrackets, boolean holders, String checkpoint) {
        public static final RenderOptions DEFAULT = new RenderOptions(false, false, false);

        public RenderOptions(boolean clean, boolean highlightBrackets, boolean holders) {
            this(clean, highlightBrackets, holders, null);
        }
    }
}
