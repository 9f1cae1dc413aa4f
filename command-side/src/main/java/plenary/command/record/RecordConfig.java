package plenary.command.record;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties(RecordSettings.class)
class RecordConfig {

    private static final Logger log = LoggerFactory.getLogger(RecordConfig.class);

    @Bean
    RecordKeys recordKeys(RecordSettings settings) {
        RecordKeys keys = RecordKeys.of(settings);
        log.info("the record is signed by {}{}", keys.current().verifier().line(), keys.previous()
                .map(p -> ", taking over from " + p.verifier().line()).orElse(""));
        return keys;
    }

    @Bean
    DraftLogs draftLogs(RecordKeys keys) {
        return new DraftLogs(keys, 1_000);
    }

    @Bean
    Signer signer(RecordKeys keys, RecordSettings settings) {
        return new Signer(keys, Clock.systemUTC(), settings.checkpointEvery());
    }

    /** Axon's JDBC engine, built as Axon's auto-configuration builds it, behind the chain and the signer. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          DraftLogs logs, Signer signer) {
        EventStorageEngine jdbc = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .build();
        return new ChainedEventStorage(jdbc, eventSerializer, connectionProvider, logs, signer);
    }
}
