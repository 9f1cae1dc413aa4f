package plenary.query.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import plenary.identity.Actor;
import plenary.query.drafting.DraftDocuments;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/drafts/{d}/history}: one entry per event, filtered by delegation, paragraph or kind of
 * action. Each entry links the document and the text as they stood right after it, which is what replaying
 * the history steps through.
 */
@RestController
class TimelineController {

    record HistoryEntry(long version, Instant timestamp, String type, Actor actor, String description,
                        String paragraphId, String paragraph, String document, String text) {
    }

    private final Timeline timeline;
    private final DraftDocuments documents;

    TimelineController(Timeline timeline, DraftDocuments documents) {
        this.timeline = timeline;
        this.documents = documents;
    }

    @GetMapping("/api/drafts/{draftId}/history")
    List<HistoryEntry> history(@PathVariable String draftId,
                               @RequestParam(required = false) String delegation,
                               @RequestParam(required = false) String paragraph,
                               @RequestParam(required = false) String kind,
                               @RequestParam(defaultValue = "0") long after,
                               @RequestParam(required = false) Integer limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after is a version: 0 or more");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
        documents.version(draftId);
        Set<String> kinds = kind == null ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(kind.split(",")).map(String::strip).toList());
        String base = "/api/drafts/" + draftId;
        return timeline.entries(draftId, new Timeline.Filter(delegation, paragraph, kinds, after, limit)).stream()
                .map(e -> new HistoryEntry(e.version(), e.timestamp(), e.type(), e.actor(), e.description(),
                        e.paragraphId(), e.paragraph(), base + "?version=" + e.version(),
                        base + "/text?version=" + e.version()))
                .toList();
    }
}
