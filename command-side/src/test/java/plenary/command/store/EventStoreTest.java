package plenary.command.store;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import plenary.devdb.DevDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store on a real PostgreSQL, as the command side configures it: an append that collides with another
 * one, or that would record an event before its predecessor, is a concurrent change, never a fault.
 */
class EventStoreTest {

    private JdbcEventStorageEngine store;

    @BeforeEach
    void setUp() {
        DevDatabase database = DevDatabase.forTests();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/command").load().migrate();
        store = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .persistenceExceptionResolver(new EventStoreConfig().persistenceExceptionResolver())
                .build();
    }

    private static GenericDomainEventMessage<Map<String, String>> event(String draft, long sequence) {
        return new GenericDomainEventMessage<>("Draft", draft, sequence, Map.of("n", String.valueOf(sequence)));
    }

    @Test
    void eventsFollowEachOther() {
        store.appendEvents(event("d1", 0), event("d1", 1));
        store.appendEvents(event("d1", 2));

        assertThat(store.readEvents("d1").asStream()).hasSize(3);
    }

    @Test
    void twoAppendsOfTheSameVersionAreAConcurrentChange() {
        store.appendEvents(event("d1", 0), event("d1", 1));

        assertThatThrownBy(() -> store.appendEvents(event("d1", 1))).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void anEventWhosePredecessorIsNotRecordedIsAConcurrentChange() {
        store.appendEvents(event("d1", 0));

        assertThatThrownBy(() -> store.appendEvents(event("d1", 2))).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> store.appendEvents(event("d2", 1))).isInstanceOf(ConcurrencyException.class);
        assertThat(store.readEvents("d1").asStream()).hasSize(1);
    }
}
