package plenary.query.history;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import plenary.query.drafting.DraftDocuments;
import plenary.query.drafting.Selector;
import plenary.text.Document;

/**
 * {@code GET /api/drafts/{d}/diff?from=…&to=…[&format=html]}. Each end is a version number, an ISO-8601 instant or
 * a revision label, as the document's selectors; {@code to} defaults to the current version.
 */
@RestController
class DiffController {

    private final DraftDocuments documents;

    DiffController(DraftDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/drafts/{draftId}/diff")
    ResponseEntity<?> diff(@PathVariable String draftId, @RequestParam String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "json") String format) {
        if (!format.equals("json") && !format.equals("html")) {
            throw new IllegalArgumentException("format is json or html, not '" + format + "'");
        }
        Document before = documents.document(draftId, end(from));
        Document after = documents.document(draftId, to == null ? Selector.CURRENT : end(to));
        if (before.version() > after.version()) {
            throw new IllegalArgumentException("from (version " + before.version() + ") comes after to (version "
                    + after.version() + "); compare the earlier state with the later one");
        }
        DraftDiff diff = DraftDiff.between(documents, before, after);
        if (format.equals("html")) {
            String title = after.header().reference() == null ? after.header().title() : after.header().reference();
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                    .body(Redline.html(diff, title));
        }
        return ResponseEntity.ok(diff.changesOnly());
    }

    /** "12" is a version, "2026-11-27T10:15:30Z" an instant, anything else a revision label such as "Rev.1". */
    static Selector end(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("from and to are versions, instants or revision labels");
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Selector.of(value, null, null);
        }
        if (Character.isDigit(value.charAt(0)) && value.contains("T")) {
            return Selector.of(null, value, null);
        }
        return Selector.of(null, null, value);
    }
}
