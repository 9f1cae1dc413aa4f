package plenary.command.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import plenary.drafting.DraftCommand;
import plenary.eventformat.EventFormat;

import javax.sql.DataSource;

@Configuration
@Import(EventFormat.class)
class EventStoreConfig {

    /** One ObjectMapper for HTTP and for Axon's Jackson serializer, which looks this bean up by name. */
    @Bean
    @Primary
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * Tells Axon which failed append is a concurrent one (409, and the cached draft evicted) rather than a fault:
     * PostgreSQL's unique_violation, SQLState 23505. Axon's default looks for an exception class that the
     * PostgreSQL driver never throws, so a concurrent append would answer 500.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The event store works on the connection of the Spring transaction it runs in, and Spring alone commits or
     * rolls it back. Axon's default wraps this in a provider that also ties the connection to the root unit of work
     * and commits or rolls it back there: with a group commit's savepoints (one per command) that rolled back
     * commands already answered as recorded.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Keeps recently used drafts in memory ({@code plenary.command.drafts-cached} of them), so a command does not
     * replay the draft's whole history first. Another instance appending meanwhile makes the append fail on the
     * event store's unique key, which evicts the entry.
     */
    @Bean
    Cache draftCache(@Value("${plenary.command.drafts-cached:1000}") int capacity) {
        return new DraftCache(capacity);
    }

    /**
     * Routes every drafting command to its draft. An expected version travels as metadata (from If-Match), so the
     * messages in shared-events stay free of Axon annotations.
     */
    @Bean
    CommandTargetResolver draftTargetResolver() {
        return new CommandTargetResolver() {
            @Override
            public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
                DraftCommand payload = (DraftCommand) command.getPayload();
                Object expected = command.getMetaData().get(ExpectedVersion.METADATA_KEY);
                // Axon counts sequence numbers from 0; a draft's version is its count of events.
                Long sequence = expected == null ? null : ((Number) expected).longValue() - 1;
                return new VersionedAggregateIdentifier(payload.draftId(), sequence);
            }
        };
    }
}
