package plenary.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.Base64;

/**
 * One event of a draft as the event store keeps it: the envelope, and the payload and metadata exactly as they
 * were written (before any upcasting), read as JSON. This is also the shape of one line of the exported log.
 */
public record StoredEvent(String aggregateIdentifier, String aggregateType, long sequenceNumber,
                          String eventIdentifier, String timestamp, String payloadType, String payloadRevision,
                          JsonNode payload, JsonNode metaData) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The draft's version after this event: Axon counts sequence numbers from 0, versions count events. */
    public long version() {
        return sequenceNumber + 1;
    }

    /** The chain hash recorded in the metadata, or null. */
    public String recordedHash() {
        return hashIn(metaData);
    }

    /** The chain hash in an event's metadata fields, or null if it carries none. */
    static String hashIn(JsonNode metaData) {
        JsonNode hash = metaData == null ? null : metaData.get(HashChain.METADATA_KEY);
        return hash == null || !hash.isTextual() ? null : hash.asText();
    }

    /** The signed checkpoint this event carries in its metadata (the events that issue a text do), or null. */
    public String recordedCheckpoint() {
        JsonNode note = metaData == null ? null : metaData.get(HashChain.CHECKPOINT_KEY);
        return note == null || !note.isTextual() ? null : note.asText();
    }

    /**
     * Stored bytes as JSON. Bytes that are no longer JSON (a damaged record) are kept as a base64 string, so that
     * every reader still hashes exactly what is stored and reports the break instead of failing.
     */
    public static JsonNode json(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readTree(stored);
        } catch (IOException e) {
            return TextNode.valueOf("unreadable:" + Base64.getEncoder().encodeToString(stored));
        }
    }

    /** One line of the exported log. */
    public String toLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write event " + eventIdentifier, e);
        }
    }

    public static StoredEvent fromLine(String line) throws IOException {
        return JSON.readValue(line, StoredEvent.class);
    }
}
