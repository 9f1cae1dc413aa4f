package plenary.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain over events in memory and in an exported log; the end-to-end tests tamper with PostgreSQL itself. */
class HashChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Five chained events of draft d1, as the command side records them. */
    private static List<StoredEvent> record() throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int i = 0; i < 5; i++) {
            StoredEvent unsigned = event(i, "{\"draftId\":\"d1\",\"quote\":\"manage borders " + i + "\"}",
                    "{\"traceId\":\"t" + i + "\"}");
            String hash = HashChain.link(previous, unsigned);
            ObjectNode meta = ((ObjectNode) unsigned.metaData()).put(HashChain.METADATA_KEY, hash);
            events.add(with(unsigned, unsigned.sequenceNumber(), unsigned.payload(), meta));
            previous = hash;
        }
        return events;
    }

    private static StoredEvent event(long sequence, String payload, String metaData) throws Exception {
        return new StoredEvent("d1", "Draft", sequence, "e" + sequence, "2025-03-01T09:0" + sequence + ":00.000Z",
                "plenary.drafting.TextBracketed", null, JSON.readTree(payload), JSON.readTree(metaData));
    }

    private static StoredEvent with(StoredEvent e, long sequence, JsonNode payload, JsonNode metaData) {
        return new StoredEvent(e.aggregateIdentifier(), e.aggregateType(), sequence, e.eventIdentifier(),
                e.timestamp(), e.payloadType(), e.payloadRevision(), payload, metaData);
    }

    private static Verdict verify(List<StoredEvent> events) {
        return HashChain.verify("d1", events.iterator(), 0);
    }

    @Test
    void anUntouchedRecordIsIntactAndItsHeadIsTheLastHash() throws Exception {
        List<StoredEvent> events = record();
        Verdict verdict = verify(events);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.events()).isEqualTo(5);
        assertThat(verdict.headHash()).isEqualTo(events.get(4).recordedHash()).hasSize(64);
        assertThat(verdict.brokenAt()).isNull();
    }

    @Test
    void theCanonicalFormIgnoresKeyOrderAndSpellingOfTheTime() throws Exception {
        StoredEvent a = event(0, "{\"a\":1,\"b\":{\"y\":[1,2],\"x\":\"é\"}}", "{\"k\":\"v\"}");
        StoredEvent b = new StoredEvent("d1", "Draft", 0, "e0", "2025-03-01T09:00:00Z",
                "plenary.drafting.TextBracketed", null, JSON.readTree("{ \"b\": {\"x\":\"é\", \"y\":[1,2]}, \"a\": 1 }"),
                JSON.readTree("{\"k\":\"v\",\"hash\":\"whatever\"}"));
        assertThat(HashChain.link(HashChain.GENESIS, a)).isEqualTo(HashChain.link(HashChain.GENESIS, b));
        assertThat(HashChain.canonical(JSON.readTree("{\"b\":[{\"d\":1,\"c\":null}],\"a\":\"x\"}")))
                .isEqualTo("{\"a\":\"x\",\"b\":[{\"c\":null,\"d\":1}]}");
    }

    @Test
    void anAlteredPayloadBreaksTheChainAtItsVersion() throws Exception {
        List<StoredEvent> events = record();
        StoredEvent third = events.get(2);
        events.set(2, with(third, 2, JSON.readTree("{\"draftId\":\"d1\",\"quote\":\"manage borderz 2\"}"),
                third.metaData()));

        Verdict verdict = verify(events);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.brokenAt()).isEqualTo(3);
        assertThat(verdict.events()).isEqualTo(2);
        assertThat(verdict.reason()).contains("version 3 is not what was recorded");
    }

    @Test
    void alteredMetadataOrTimeBreaksItToo() throws Exception {
        List<StoredEvent> events = record();
        StoredEvent second = events.get(1);
        ObjectNode meta = second.metaData().deepCopy();
        meta.put("traceId", "forged");
        events.set(1, with(second, 1, second.payload(), meta));
        assertThat(verify(events).brokenAt()).isEqualTo(2);

        events = record();
        StoredEvent fourth = events.get(3);
        events.set(3, new StoredEvent("d1", "Draft", 3, "e3", "2024-01-01T00:00:00Z", fourth.payloadType(), null,
                fourth.payload(), fourth.metaData()));
        assertThat(verify(events).brokenAt()).isEqualTo(4);
    }

    @Test
    void aMissingEventIsNamed() throws Exception {
        List<StoredEvent> events = record();
        events.remove(1);
        Verdict verdict = verify(events);
        assertThat(verdict.brokenAt()).isEqualTo(2);
        assertThat(verdict.reason()).contains("version 2 is missing");
    }

    @Test
    void swappedEventsBreakTheChainWhereTheyWereSwapped() throws Exception {
        List<StoredEvent> events = record();
        // the rows trade places: each now sits at the other's sequence number
        StoredEvent second = events.get(1);
        StoredEvent third = events.get(2);
        events.set(1, with(third, 1, third.payload(), third.metaData()));
        events.set(2, with(second, 2, second.payload(), second.metaData()));
        assertThat(verify(events).brokenAt()).isEqualTo(2);

        // read in the wrong order without renumbering
        List<StoredEvent> reordered = record();
        Collections.swap(reordered, 1, 2);
        assertThat(verify(reordered).brokenAt()).isEqualTo(2);
    }

    @Test
    void theLastEventsGoneShowOnlyAgainstAWitness() throws Exception {
        List<StoredEvent> events = record();
        String head = events.get(4).recordedHash();
        events.remove(4);

        assertThat(verify(events).intact()).as("the chain alone cannot see it").isTrue();
        Verdict known = HashChain.verify("d1", events.iterator(), 5);
        assertThat(known.intact()).isFalse();
        assertThat(known.brokenAt()).isEqualTo(5);
        Verdict published = verify(events).expectingHead(head);
        assertThat(published.intact()).isFalse();
        assertThat(published.brokenAt()).isEqualTo(5);
    }

    @Test
    void anEventWithoutAHashIsABreak() throws Exception {
        List<StoredEvent> events = record();
        StoredEvent first = events.get(0);
        events.set(0, with(first, 0, first.payload(), JSON.readTree("{\"traceId\":\"t0\"}")));
        assertThat(verify(events).brokenAt()).isEqualTo(1);
        assertThat(verify(events).reason()).contains("carries no hash");
    }

    @Test
    void bytesThatAreNoLongerJsonStillHashAndBreak() {
        JsonNode damaged = StoredEvent.json("{\"quote\":\"man".getBytes(StandardCharsets.UTF_8));
        assertThat(damaged.asText()).startsWith("unreadable:");
    }

    @Test
    void theOfflineVerifierReadsAnExportedLog(@TempDir Path dir) throws Exception {
        List<StoredEvent> events = record();
        Path log = dir.resolve("d1.ndjson");
        Files.write(log, events.stream().map(StoredEvent::toLine).toList());
        assertThat(StoredEvent.fromLine(events.get(3).toLine())).isEqualTo(events.get(3));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Verify.run(new String[]{"--log", log.toString()}, new PrintStream(out), System.err);
        assertThat(status).isZero();
        assertThat(out.toString()).startsWith("intact  d1  5 events  head " + events.get(4).recordedHash());

        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(3, lines.get(3).replace("manage borders 3", "manage borders 4"));
        Files.write(log, lines);
        out.reset();
        status = Verify.run(new String[]{"--log", log.toString()}, new PrintStream(out), System.err);
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).startsWith("BROKEN  d1  at version 4");
    }

    @Test
    void badOptionsExitWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Verify.run(new String[]{"--frobnicate"}, System.out, new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("usage:");
    }
}
