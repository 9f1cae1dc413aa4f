package plenary.query.drafting;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import plenary.text.Document;
import plenary.text.markdown.MarkdownRenderer;

import java.util.List;

/** The drafting queries of API.md. */
@RestController
@RequestMapping("/api/drafts")
class DraftQueryController {

    static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

    private final DraftTable table;

    DraftQueryController(DraftTable table) {
        this.table = table;
    }

    @GetMapping
    List<DraftTable.Summary> drafts() {
        return table.summaries();
    }

    @GetMapping("/{draftId}")
    DraftView draft(@PathVariable String draftId) {
        return DraftView.of(document(draftId));
    }

    @GetMapping("/{draftId}/text")
    ResponseEntity<String> text(@PathVariable String draftId,
                                @RequestParam(defaultValue = "markdown") String format) {
        if (!format.equals("markdown")) {
            throw new UnknownFormat(format);
        }
        return ResponseEntity.ok().contentType(MARKDOWN).body(MarkdownRenderer.render(document(draftId)));
    }

    @GetMapping("/{draftId}/events")
    List<DraftTable.RecordedEvent> events(@PathVariable String draftId, @RequestParam(defaultValue = "0") long after) {
        if (after < 0) {
            throw new IllegalArgumentException("after is a version: 0 or more");
        }
        document(draftId);
        return table.eventsAfter(draftId, after);
    }

    private Document document(String draftId) {
        return table.document(draftId).orElseThrow(() -> new UnknownDraft(draftId));
    }

    static final class UnknownDraft extends RuntimeException {
        UnknownDraft(String draftId) {
            super("there is no draft " + draftId);
        }
    }

    static final class UnknownFormat extends RuntimeException {
        UnknownFormat(String format) {
            super("format '" + format + "' is not available; use format=markdown");
        }
    }

    @ExceptionHandler(UnknownDraft.class)
    ProblemDetail unknownDraft(UnknownDraft e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({UnknownFormat.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
