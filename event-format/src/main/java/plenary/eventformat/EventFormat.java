package plenary.eventformat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import plenary.drafting.PayloadRevision;
import plenary.drafting.catalogue.Events;

/**
 * The event format both sides share; each side imports it. The messages in shared-events carry no Axon
 * annotation, so the revision comes from their own {@link PayloadRevision} rather than Axon's {@code @Revision}.
 */
@Configuration(proxyBeanMethods = false)
public class EventFormat {

    @Bean
    RevisionResolver revisionResolver() {
        return Events::storedRevision;
    }

    /** Axon's Jackson serializer for events, as Axon would build it, but naming each event by its published name. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper json, RevisionResolver revisions) {
        return PublishedNames.serializer(json, revisions, new ChainingConverter(getClass().getClassLoader()));
    }

    @Bean
    EventUpcaster textBracketedRationale() {
        return new TextBracketedRationale();
    }

    @Bean
    EventUpcaster importedTextOnly() {
        return new ImportedTextOnly();
    }
}
