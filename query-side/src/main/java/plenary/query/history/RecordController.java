package plenary.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import plenary.query.drafting.DraftDocuments;
import plenary.record.HashChain;
import plenary.record.StoredEvent;
import plenary.record.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The record's proof: {@code GET /api/drafts/{d}/verify} recomputes the draft's hash chain from the event store,
 * and {@code GET /api/drafts/{d}/events?format=ndjson} exports the stored events for the offline verifier.
 */
@RestController
class RecordController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson;charset=UTF-8");

    /** The verdict, and the version the read model knows: the witness that the record's last events are there. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(String draftId, boolean intact, long events, long version, String headHash, Long brokenAt,
                        String reason) {
    }

    private final StoredRecord record;
    private final DraftDocuments documents;

    RecordController(StoredRecord record, DraftDocuments documents) {
        this.record = record;
        this.documents = documents;
    }

    @GetMapping("/api/drafts/{draftId}/verify")
    Verification verify(@PathVariable String draftId) {
        List<StoredEvent> events = record.events(draftId);
        long known = knownVersion(draftId, events);
        Verdict v = HashChain.verify(draftId, events.iterator(), known);
        return new Verification(draftId, v.intact(), v.events(), known, v.headHash(), v.brokenAt(), v.reason());
    }

    @GetMapping(path = "/api/drafts/{draftId}/events", params = "format=ndjson")
    ResponseEntity<byte[]> export(@PathVariable String draftId) {
        List<StoredEvent> events = record.events(draftId);
        knownVersion(draftId, events);
        String lines = events.stream().map(e -> e.toLine() + "\n").collect(Collectors.joining());
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"" + draftId + ".ndjson\"")
                .body(lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The read model's version of the draft; 0 while it has not seen it (being rebuilt, or behind). */
    private long knownVersion(String draftId, List<StoredEvent> events) {
        try {
            return documents.version(draftId);
        } catch (DraftDocuments.UnknownDraft e) {
            if (events.isEmpty()) {
                throw e;
            }
            return 0;
        }
    }
}
