package plenary.query.export;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import plenary.query.drafting.DraftDocuments;
import plenary.query.drafting.Selector;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/drafts/{d}/text?format=…}: the rendered text, current or at any selector. */
@RestController
class TextController {

    private final DraftDocuments documents;
    private final Map<String, TextRenderer> renderers;

    TextController(DraftDocuments documents, List<TextRenderer> renderers) {
        this.documents = documents;
        this.renderers = renderers.stream().collect(Collectors.toMap(TextRenderer::format, Function.identity()));
    }

    @GetMapping("/api/drafts/{draftId}/text")
    ResponseEntity<byte[]> text(@PathVariable String draftId, @RequestParam(defaultValue = "markdown") String format,
                                @RequestParam(required = false) String view,
                                @RequestParam(required = false) String version,
                                @RequestParam(required = false) String at,
                                @RequestParam(required = false) String revision) {
        TextRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalArgumentException("format '" + format + "' is not available; one of "
                    + renderers.keySet().stream().sorted().toList());
        }
        var document = documents.document(draftId, Selector.of(version, at, revision));
        return ResponseEntity.ok().contentType(renderer.mediaType())
                .body(renderer.render(document, new TextRenderer.RenderOptions(view)));
    }
}
