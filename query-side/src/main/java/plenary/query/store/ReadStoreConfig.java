package plenary.query.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import plenary.eventformat.EventFormat;

import java.time.Duration;

@Configuration
@Import(EventFormat.class)
class ReadStoreConfig {

    /** One ObjectMapper for HTTP, STOMP and Axon's Jackson serializer, which looks this bean up by name. */
    @Bean
    @Primary
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    EventSignal eventSignal() {
        return new EventSignal();
    }

    /** On unless {@code plenary.events.notify=false}, which leaves plain polling every fallback period: for comparing. */
    @Bean
    @ConditionalOnProperty(name = "plenary.events.notify", matchIfMissing = true)
    CommitListener commitListener(DataSourceProperties db, EventSignal signal) {
        return new CommitListener(db.determineUrl(), db.determineUsername(), db.determinePassword(), signal);
    }

    /** The source of the "drafts" processor (see axon.eventhandling.processors in plenary-query.yml). */
    @Bean
    NotifiedEventSource draftEventSource(EventStorageEngine storage, EventSignal signal,
                                         @Value("${plenary.events.fallback-poll:PT1S}") Duration fallback) {
        return new NotifiedEventSource(storage, signal, fallback);
    }
}
