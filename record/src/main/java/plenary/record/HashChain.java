package plenary.record;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain over a draft's events. Each event's metadata carries {@code hash} = SHA-256 of the previous
 * event's hash (64 zeros before the first) followed by this event in canonical form: its envelope (draft, version,
 * event id, time, payload type and revision), its payload and its metadata without the hash itself and without the
 * checkpoint it may carry, as JSON with keys sorted and no white space. Changing, removing or reordering any
 * stored event breaks the chain from there. The canonical form is also the entry of the draft's
 * {@link MerkleTree}: unlike the chain, which anyone can recompute, the tree's roots are signed.
 */
public final class HashChain {

    public static final String METADATA_KEY = "hash";
    /** The signed checkpoint of the tree this event completes, on the events that issue a text. */
    public static final String CHECKPOINT_KEY = "checkpoint";
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The hash of {@code event} following {@code previous}. */
    public static String link(String previous, StoredEvent event) {
        return link(previous, entry(event));
    }

    /**
     * The hash of the event whose canonical form ({@link #entry}) is {@code entry}, following {@code previous}: for
     * a writer that also needs the entry for the event's Merkle leaf, so that it builds the canonical form once.
     */
    public static String link(String previous, byte[] entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.UTF_8));
            sha256.update(entry);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks one draft's events, read in the order of their sequence numbers.
     *
     * @param expectedVersion the version an independent witness knows the draft reached (the read model, or a
     *                        published head), or 0 if none: the chain alone cannot tell that its last events are gone
     */
    public static Verdict verify(String draftId, Iterator<StoredEvent> events, long expectedVersion) {
        return verify(draftId, events, expectedVersion, null);
    }

    /**
     * {@link #verify(String, Iterator, long)}, adding each linked event's Merkle leaf hash to {@code leaves} (unless
     * null) on the way: the canonical form that the link hashes is the leaf's entry, and making it again for the
     * leaves was a sixth of what verifying a long record cost.
     */
    static Verdict verify(String draftId, Iterator<StoredEvent> events, long expectedVersion, List<byte[]> leaves) {
        String previous = GENESIS;
        long version = 0;
        while (events.hasNext()) {
            StoredEvent event = events.next();
            long expected = version + 1;
            if (event.version() > expected) {
                return Verdict.broken(draftId, version, expected, "version " + expected + " is missing: the record "
                        + "goes from version " + version + " to version " + event.version());
            }
            if (event.version() < expected) {
                return Verdict.broken(draftId, version, expected, "version " + event.version()
                        + " is recorded twice or out of order");
            }
            String recorded = event.recordedHash();
            if (recorded == null) {
                return Verdict.broken(draftId, version, expected, "version " + expected + " carries no hash");
            }
            byte[] entry = entry(event);
            if (!recorded.equals(link(previous, entry))) {
                return Verdict.broken(draftId, version, expected, "version " + expected + " is not what was "
                        + "recorded: its content, time or place in the record was altered");
            }
            if (leaves != null) {
                leaves.add(MerkleTree.leafHash(entry));
            }
            previous = recorded;
            version = expected;
        }
        if (version < expectedVersion) {
            return Verdict.broken(draftId, version, version + 1, "the record ends at version " + version
                    + " but the draft reached version " + expectedVersion + ": versions " + (version + 1) + " to "
                    + expectedVersion + " are missing");
        }
        return Verdict.intact(draftId, version, previous);
    }

    /** The event's canonical form, exactly the bytes its Merkle leaf hashes. */
    public static byte[] entry(StoredEvent event) {
        return canonical(envelope(event)).getBytes(StandardCharsets.UTF_8);
    }

    static ObjectNode envelope(StoredEvent event) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("aggregateIdentifier", event.aggregateIdentifier());
        envelope.put("aggregateType", event.aggregateType());
        envelope.put("sequenceNumber", event.sequenceNumber());
        envelope.put("eventIdentifier", event.eventIdentifier());
        envelope.put("timestamp", normalised(event.timestamp()));
        envelope.put("payloadType", event.payloadType());
        envelope.put("payloadRevision", event.payloadRevision());
        envelope.set("payload", event.payload());
        JsonNode metaData = event.metaData() == null ? JSON.createObjectNode() : event.metaData().deepCopy();
        if (metaData instanceof ObjectNode fields) {
            fields.remove(METADATA_KEY);
            fields.remove(CHECKPOINT_KEY);
        }
        envelope.set("metaData", metaData);
        return envelope;
    }

    /** One text per instant, however the store spelled it ("…T09:00:00Z" and "…T09:00:00.000Z" alike). */
    private static String normalised(String timestamp) {
        try {
            return Instant.parse(timestamp).toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return timestamp;
        }
    }

    /** JSON with object keys in sorted order and no white space, so that equal content hashes equally. */
    static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            write(json, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator json, JsonNode node) throws IOException {
        if (node == null) {
            json.writeNull();
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                json.writeFieldName(field.getKey());
                write(json, field.getValue());
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode element : node) {
                write(json, element);
            }
            json.writeEndArray();
        } else {
            json.writeTree(node);
        }
    }

    private HashChain() {
    }
}
