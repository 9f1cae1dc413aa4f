package plenary.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import plenary.query.drafting.DraftDocuments;
import plenary.record.KeyRing;
import plenary.record.RecordAudit;
import plenary.record.StoredEvent;
import plenary.record.Verdict;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The record's proof: {@code GET /api/drafts/{d}/verify} recomputes the draft's hash chain and Merkle tree from
 * the event store and checks them against the signed checkpoints, and {@code GET /api/drafts/{d}/events?format=ndjson} exports the stored events for the offline verifier.
 */
@RestController
class VerificationController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson;charset=UTF-8");

    /**
     * The verdict, and the version the read model knows: the witness that the record's last events are there.
     * {@code rootHash} is the Merkle root of every event; {@code signedUpTo} the largest tree size a checkpoint the
     * secretariat's key signed vouches for, of the {@code checkpoints} checked ({@code checkpointsChecked} is false
     * when the query side has no verifier key).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Verification(String draftId, boolean intact, long events, long version, String headHash, String rootHash,
                        Long signedUpTo, Integer checkpoints, boolean checkpointsChecked, Long brokenAt,
                        String reason) {
    }

    private final StoredRecord record;
    private final DraftDocuments documents;
    private final RecordTrust trust;
    private final CopiedEvents copy;

    VerificationController(StoredRecord record, DraftDocuments documents, RecordTrust trust, CopiedEvents copy) {
        this.record = record;
        this.documents = documents;
        this.trust = trust;
        this.copy = copy;
    }

    /**
     * Recomputes the chain and the tree from the stored events, and checks them against every checkpoint signed for
     * the draft: those in its checkpoint stream and those its events carry. Then the query side's copy of the
     * events, if it keeps one, against the record.
     */
    @GetMapping("/api/drafts/{draftId}/verify")
    Verification verify(@PathVariable String draftId) {
        List<StoredEvent> events = record.events(draftId);
        long known = knownVersion(draftId, events);
        KeyRing keys = trust.ring().orElse(null);
        Verdict v;
        try {
            v = RecordAudit.check(draftId, events, keys, List.of(), record.checkpoints(draftId), known);
        } catch (IllegalArgumentException e) {
            v = RecordAudit.check(draftId, events, keys, List.of(), List.of(), known);
            if (v.intact()) {
                return new Verification(draftId, false, v.events(), known, null, null, null, null, keys != null, null,
                        "a stored checkpoint is not one: " + e.getMessage());
            }
        }
        if (v.intact()) {
            var copied = copy.firstDifference(draftId);
            if (copied.isPresent()) {
                return new Verification(draftId, false, v.events(), known, v.headHash(), v.rootHash(),
                        v.signedSize(), keys == null ? null : v.checkpoints(), keys != null, copied.get().version(),
                        copied.get().reason());
            }
        }
        return new Verification(draftId, v.intact(), v.events(), known, v.headHash(), v.rootHash(), v.signedSize(),
                keys == null ? null : v.checkpoints(), keys != null, v.brokenAt(), v.reason());
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
