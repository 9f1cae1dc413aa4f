package plenary.query.export;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import plenary.query.drafting.DraftDocuments;
import plenary.query.drafting.Selector;
import plenary.text.CleanText;
import plenary.text.Document;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /api/drafts/{d}/text?format=…}: the rendered text, current or at any selector. {@code view=clean}
 * renders every format as if each bracket's first alternative were accepted; {@code highlight=brackets} makes
 * brackets stand out and {@code holders=true} names who holds each (HTML, PDF, DOCX; AKN always names them).
 */
@RestController
class TextController {

    private final DraftDocuments documents;
    private final IssuedCheckpoints checkpoints;
    private final Map<String, TextRenderer> renderers;

    TextController(DraftDocuments documents, IssuedCheckpoints checkpoints, List<TextRenderer> renderers) {
        this.documents = documents;
        this.checkpoints = checkpoints;
        this.renderers = renderers.stream().collect(Collectors.toMap(TextRenderer::format, Function.identity()));
    }

    @GetMapping("/api/drafts/{draftId}/text")
    ResponseEntity<byte[]> text(@PathVariable String draftId, @RequestParam(defaultValue = "markdown") String format,
                                @RequestParam(required = false) String view,
                                @RequestParam(required = false) String highlight,
                                @RequestParam(defaultValue = "false") boolean holders,
                                @RequestParam(required = false) String version,
                                @RequestParam(required = false) String at,
                                @RequestParam(required = false) String revision) {
        TextRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalArgumentException("format '" + format + "' is not available; one of "
                    + renderers.keySet().stream().sorted().toList());
        }
        if (view != null && !view.equals("clean") && !view.equals("full")) {
            throw new IllegalArgumentException("view is 'clean' (every bracket's first alternative accepted) or 'full'");
        }
        if (highlight != null && !highlight.equals("brackets") && !highlight.equals("none")) {
            throw new IllegalArgumentException("highlight is 'brackets' or 'none'");
        }
        boolean clean = "clean".equals(view);
        Document document = documents.document(draftId, Selector.of(version, at, revision));
        if (clean) {
            document = CleanText.of(document);
        }
        var options = new TextRenderer.RenderOptions(clean, "brackets".equals(highlight), holders,
                checkpoints.carriedBy(draftId, document.version()).orElse(null));
        String filename = (document.header().reference() == null ? draftId : document.header().reference())
                .replaceAll("[^A-Za-z0-9.-]+", "_") + (clean ? "-clean." : ".") + renderer.extension();
        return ResponseEntity.ok().contentType(renderer.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(renderer.render(document, options));
    }
}
