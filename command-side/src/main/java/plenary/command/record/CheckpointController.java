package plenary.command.record;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import plenary.identity.Actor;
import plenary.identity.Role;
import plenary.record.CheckpointSigned;
import plenary.record.DatabaseLog;
import plenary.record.SignedCheckpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secretariat signs a draft's record on demand ({@code POST /api/drafts/{d}/checkpoints}), e.g. before a
 * meeting closes, and anyone may fetch the key that checks its signatures ({@code GET /api/record/public-key}).
 */
@RestController
class CheckpointController {

    private final EventStorageEngine store;
    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final DraftLogs logs;
    private final Signer signer;
    private final RecordKeys keys;

    CheckpointController(EventStorageEngine store, ConnectionProvider connections, TransactionManager transactions,
                         DraftLogs logs, Signer signer, RecordKeys keys) {
        this.store = store;
        this.connections = connections;
        this.transactions = transactions;
        this.logs = logs;
        this.signer = signer;
        this.keys = keys;
    }

    @GetMapping(path = "/api/record/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return keys.current().verifier().line() + "\n";
    }

    /**
     * Signs the draft's record as committed now: 201 with the new checkpoint, or 200 with the last one when it
     * already covers every event (and no key change is due: after a rotation, this is how the secretariat hands a
     * finished draft over to its new key).
     */
    @PostMapping("/api/drafts/{draftId}/checkpoints")
    ResponseEntity<?> sign(@PathVariable String draftId, Actor actor) {
        if (actor.role() != Role.SECRETARIAT) {
            return problem(HttpStatus.FORBIDDEN, "only the secretariat signs the record");
        }
        Optional<Long> last = store.lastSequenceNumberFor(draftId);
        if (last.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "there is no draft " + draftId);
        }
        try {
            return transactions.fetchInTransaction(() -> signNow(draftId, last.get() + 1));
        } catch (DraftLogs.RecordBroken e) {
            return problem(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private ResponseEntity<?> signNow(String draftId, long size) {
        try (Connection connection = connections.getConnection()) {
            DatabaseLog database = new DatabaseLog(connection);
            Optional<DatabaseLog.LastCheckpoint> last = database.lastCheckpoint(draftId);
            if (last.isPresent() && last.get().checkpoint().treeSize() == size && !signer.keyChangeDue(draftId, last)) {
                return ResponseEntity.ok(answer(last.get().checkpoint()));
            }
            DraftLog draftLog = logs.rebuild(database, draftId, size);
            var checkpoint = signer.sign(database, draftLog, null);
            store.appendEvents(checkpoint);
            return ResponseEntity.status(HttpStatus.CREATED).body(answer(checkpoint.getPayload()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the record of draft " + draftId, e);
        }
    }

    private static Map<String, Object> answer(CheckpointSigned stored) {
        SignedCheckpoint signed = stored.signed();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("draftId", stored.draftId());
        body.put("treeSize", stored.treeSize());
        body.put("rootHash", signed.checkpoint().root());
        body.put("note", stored.note());
        return body;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
