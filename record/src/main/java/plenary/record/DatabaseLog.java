package plenary.record;


import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The events as the event store's table holds them, read with plain JDBC: no Plenary service involved. */
public final class DatabaseLog {

    private final Connection connection;

    public DatabaseLog(Connection connection) {
        this.connection = connection;
    }

    /** Every draft in the store, in the order they began. */
    public List<String> drafts() throws SQLException {
        List<String> drafts = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT aggregateIdentifier FROM DomainEventEntry WHERE type IS NOT NULL AND type <> ?"
                        + " GROUP BY aggregateIdentifier ORDER BY min(globalIndex)")) {
            s.setString(1, CheckpointSigned.AGGREGATE_TYPE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    drafts.add(rs.getString(1));
                }
            }
        }
        return drafts;
    }

    /** One draft's events in the order of their sequence numbers, exactly as stored. */
    public List<StoredEvent> events(String draftId) throws SQLException {
        return events(draftId, 0);
    }

    /** One draft's events from a sequence number on (version {@code firstSequence + 1}), exactly as stored. */
    public List<StoredEvent> events(String draftId, long firstSequence) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT aggregateIdentifier, type, sequenceNumber, eventIdentifier, timeStamp, payloadType,
                       payloadRevision, payload, metaData
                FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber >= ?
                ORDER BY sequenceNumber""")) {
            s.setString(1, draftId);
            s.setLong(2, firstSequence);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), StoredEvent.json(rs.getBytes(8)),
                            StoredEvent.json(rs.getBytes(9))));
                }
            }
        }
        return events;
    }

    /**
     * The chain hash that the event at {@code sequence} of a draft carries in its metadata, or null if there is no
     * such event or it carries none: all that appending after it needs, without reading and parsing its payload.
     */
    public String recordedHash(String draftId, long sequence) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT metaData FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            s.setString(1, draftId);
            s.setLong(2, sequence);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? hashIn(rs.getBytes(1)) : null;
            }
        }
    }

    /** The chain hash in an event's stored metadata, or null if it carries none. */
    public static String hashIn(byte[] metaData) {
        return StoredEvent.hashIn(StoredEvent.json(metaData));
    }

    /** The last checkpoint of a draft's stream and its sequence number there, if it has one. */
    public record LastCheckpoint(long sequence, CheckpointSigned checkpoint) {
    }

    public Optional<LastCheckpoint> lastCheckpoint(String draftId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT sequenceNumber, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC LIMIT 1")) {
            s.setString(1, CheckpointSigned.streamOf(draftId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new LastCheckpoint(rs.getLong(1),
                        CheckpointSigned.fromJson(StoredEvent.json(rs.getBytes(2))))) : Optional.empty();
            }
        }
    }

    /** The checkpoints signed for one draft, in the order they were stored. */
    public List<CheckpointSigned> checkpoints(String draftId) throws SQLException {
        List<CheckpointSigned> checkpoints = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, CheckpointSigned.streamOf(draftId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(CheckpointSigned.fromJson(StoredEvent.json(rs.getBytes(1))));
                }
            }
        }
        return checkpoints;
    }
}
