package plenary.command.record;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.record.Checkpoint;
import plenary.record.CheckpointSigned;
import plenary.record.DatabaseLog;
import plenary.record.MerkleTree;
import plenary.record.NoteKey;
import plenary.record.SignedCheckpoint;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs a draft's tree as a checkpoint with the secretariat's key: at each text it issues (a revision, the final
 * text, a corrigendum, a text adopted by silence), after {@code every} events without one, and on demand.
 */
final class Signer {

    private static final Logger log = LoggerFactory.getLogger(Signer.class);

    private final RecordKeys keys;
    private final Clock clock;
    private final int every;

    Signer(RecordKeys keys, Clock clock, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("plenary.record.checkpoint-every must be at least 1");
        }
        this.keys = keys;
        this.clock = clock;
        this.every = every;
    }

    /** The extension line naming the text an event issues, or null for an event that issues none. */
    static String seal(Object payload) {
        String seal;
        if (payload instanceof RevisionIssued e) {
            seal = "revision " + e.label();
        } else if (payload instanceof DraftFinalised e) {
            seal = "final " + e.contentHash();
        } else if (payload instanceof CorrigendumIssued e) {
            seal = "corrigendum " + e.label() + " " + e.contentHash();
        } else if (payload instanceof SilenceProcedureConcluded e) {
            seal = "adopted " + e.subject();
        } else {
            return null;
        }
        return seal.replaceAll("\\p{Cntrl}", " ").strip();
    }

    boolean due(DraftLog draftLog, String seal) {
        return seal != null || draftLog.unsignedEvents() >= every;
    }

    /** The checkpoint of the log's whole tree, as the event that stores it in the draft's checkpoint stream. */
    GenericDomainEventMessage<CheckpointSigned> sign(DatabaseLog store, DraftLog draftLog, String seal)
            throws SQLException {
        String draftId = draftLog.draftId;
        Optional<DatabaseLog.LastCheckpoint> last = store.lastCheckpoint(draftId);
        long from = draftLog.checkpointed();
        if (last.isPresent()) {
            long lastSize = last.get().checkpoint().treeSize();
            if (lastSize > from && lastSize <= draftLog.size()) {
                from = lastSize; // signed meanwhile, on demand
            }
        }
        Optional<SignedCheckpoint.KeyChange> keyChange = keyChange(draftId, last);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Checkpoint checkpoint = Checkpoint.of(draftId, draftLog.size(), draftLog.root(),
                SignedCheckpoint.extensions(now, seal, keyChange));
        List<NoteKey> signers = keyChange.isPresent() ? List.of(keys.previous().orElseThrow(), keys.current())
                : List.of(keys.current());
        SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, signers);
        CheckpointSigned stored = new CheckpointSigned(draftId, draftLog.size(), from,
                Base64.getEncoder().encodeToString(MerkleTree.pack(draftLog.leavesAfter(from))), signed.format());
        long sequence = last.map(l -> l.sequence() + 1).orElse(0L);
        return new GenericDomainEventMessage<>(CheckpointSigned.AGGREGATE_TYPE, CheckpointSigned.streamOf(draftId),
                sequence, stored, MetaData.emptyInstance(), UUID.randomUUID().toString(), now);
    }

    /** Whether the draft's next checkpoint hands over from the previous key, even if no event came since. */
    boolean keyChangeDue(String draftId, Optional<DatabaseLog.LastCheckpoint> last) {
        return keyChange(draftId, last).isPresent();
    }

    /** A draft whose last checkpoint the previous key signed hands over to the current key in its next one. */
    private Optional<SignedCheckpoint.KeyChange> keyChange(String draftId, Optional<DatabaseLog.LastCheckpoint> last) {
        if (keys.previous().isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        try {
            SignedCheckpoint previous = last.get().checkpoint().signed();
            var text = previous.note().text();
            boolean byCurrent = previous.note().signatures().stream()
                    .anyMatch(s -> keys.current().verifier().verify(text, s));
            boolean byPrevious = previous.note().signatures().stream()
                    .anyMatch(s -> keys.previous().get().verifier().verify(text, s));
            return byPrevious && !byCurrent ? Optional.of(new SignedCheckpoint.KeyChange(
                    keys.previous().get().verifier(), keys.current().verifier())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            log.warn("the last checkpoint of draft {} is unreadable; no key change is signed", draftId);
            return Optional.empty();
        }
    }
}
