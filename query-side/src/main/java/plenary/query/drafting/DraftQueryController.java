package plenary.query.drafting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The drafting queries of API.md: the drafts, a draft's document at any selector, and its events. */
@RestController
@RequestMapping("/api/drafts")
class DraftQueryController {

    private final DraftTable table;
    private final DraftDocuments documents;

    DraftQueryController(DraftTable table, DraftDocuments documents) {
        this.table = table;
        this.documents = documents;
    }

    @GetMapping
    List<DraftTable.Summary> drafts() {
        return table.summaries();
    }

    @GetMapping("/{draftId}")
    DraftView draft(@PathVariable String draftId, @RequestParam(required = false) String version,
                    @RequestParam(required = false) String at, @RequestParam(required = false) String revision) {
        return DraftView.of(documents.document(draftId, Selector.of(version, at, revision)));
    }

    @GetMapping("/{draftId}/events")
    List<DraftTable.RecordedEvent> events(@PathVariable String draftId, @RequestParam(defaultValue = "0") long after) {
        if (after < 0) {
            throw new IllegalArgumentException("after is a version: 0 or more");
        }
        documents.document(draftId, Selector.CURRENT);
        return table.eventsAfter(draftId, after);
    }
}
