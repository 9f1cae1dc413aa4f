package plenary.command.record;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RestampedTest {

    record Said(String text) {
    }

    private final Serializer json = JacksonSerializer.defaultSerializer();

    @Test
    void aStampedEventIsTheSameEventWithTheStampsAddedToItsMetadata() {
        DomainEventMessage<Said> event = new GenericDomainEventMessage<>("Draft", "d1", 4, new Said("hello"),
                Map.of("actor", "kaz"), "event-1", Instant.parse("2026-12-03T09:00:00.123Z"));

        DomainEventMessage<Said> stamped = Restamped.of(event, Map.of("hash", "abc"));

        assertThat(stamped.getIdentifier()).isEqualTo("event-1");
        assertThat(stamped.getType()).isEqualTo("Draft");
        assertThat(stamped.getAggregateIdentifier()).isEqualTo("d1");
        assertThat(stamped.getSequenceNumber()).isEqualTo(4);
        assertThat(stamped.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(stamped.getPayload()).isEqualTo(new Said("hello"));
        assertThat(stamped.getMetaData()).isEqualTo(event.andMetaData(Map.of("hash", "abc")).getMetaData());
        assertThat(new String(stamped.serializeMetaData(json, byte[].class).getData(), StandardCharsets.UTF_8))
                .contains("\"hash\":\"abc\"").contains("\"actor\":\"kaz\"");
    }

    @Test
    void aStampedEventStoresThePayloadTheChainWasComputedOverWithoutSerialisingItAgain() {
        DomainEventMessage<Said> event = new GenericDomainEventMessage<>("Draft", "d1", 0, new Said("hello"));
        SerializedObject<byte[]> chained = event.serializePayload(json, byte[].class);

        SerializedObject<byte[]> stored = Restamped.of(event, Map.of("hash", "abc")).serializePayload(json,
                byte[].class);

        assertThat(stored).isSameAs(chained);
    }
}
