package plenary.eventformat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import plenary.drafting.catalogue.Events;

/**
 * Axon's Jackson serializer, storing each event under the name the catalogue publishes it as
 * ({@link Events#name}) instead of its Java class name, and reading that name back to the class. Everything that is
 * no event keeps its class name.
 */
final class PublishedNames extends JacksonSerializer {

    private PublishedNames(Builder builder) {
        super(builder);
    }

    static PublishedNames serializer(ObjectMapper json, RevisionResolver revisions, Converter converter) {
        return new PublishedNames(JacksonSerializer.builder().objectMapper(json).revisionResolver(revisions)
                .converter(converter));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return Events.name(type)
                .<SerializedType>map(name -> new SimpleSerializedType(name, getRevisionResolver().revisionOf(type)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return Events.type(serializedType.getName()).map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
