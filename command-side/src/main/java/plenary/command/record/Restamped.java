package plenary.command.record;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDecorator;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.Map;

/**
 * An event with the record's stamps added to its metadata that still serialises its payload through the original
 * message, which keeps the payload it serialised for the chain's link: Axon's {@code andMetaData} makes a new
 * message, and the event store then serialised the same payload a second time.
 */
final class Restamped<T> extends MessageDecorator<T> {

    private final MetaData metaData;

    private Restamped(Message<T> original, MetaData metaData) {
        super(original);
        this.metaData = metaData;
    }

    /** The event with {@code stamps} added to its metadata, as {@code event.andMetaData(stamps)} has it. */
    static <T> DomainEventMessage<T> of(DomainEventMessage<T> event, Map<String, ?> stamps) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), new Restamped<>(event, event.getMetaData().mergedWith(stamps)),
                event.getTimestamp());
    }

    @Override
    public MetaData getMetaData() {
        return metaData;
    }

    @Override
    public <S> SerializedObject<S> serializeMetaData(Serializer serializer, Class<S> expectedRepresentation) {
        return serializer.serialize(metaData, expectedRepresentation);
    }

    @Override
    public Message<T> withMetaData(Map<String, ?> metaData) {
        return new Restamped<>(getDelegate(), MetaData.from(metaData));
    }

    @Override
    public Message<T> andMetaData(Map<String, ?> metaData) {
        return new Restamped<>(getDelegate(), this.metaData.mergedWith(metaData));
    }
}
