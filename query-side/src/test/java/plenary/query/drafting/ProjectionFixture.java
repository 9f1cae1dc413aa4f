package plenary.query.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import plenary.devdb.DevDatabase;
import plenary.drafting.DraftEvent;
import plenary.query.live.LiveChannel;
import plenary.text.Document;
import plenary.text.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The drafts projection with its snapshots and any other {@link FoldListener}, on a fresh real PostgreSQL, wired as
 * Spring wires them: for tests of the packages built on it (history). The events delivered are in an event store
 * too (Axon's in-memory one here), since past states are folded again from the store.
 */
public final class ProjectionFixture {

    /** As Spring Boot configures it: java.time written as ISO-8601 text. */
    public final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                    SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    public final JdbcClient db;
    public final DraftDocuments documents;
    private final DraftTable table;
    private final DraftProjection projection;
    /** The sequence number from which each fold of past states read the store. */
    public final List<Long> readsFrom = new ArrayList<>();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine() {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            readsFrom.add(firstSequenceNumber);
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    };
    private final Set<String> stored = new HashSet<>();

    public ProjectionFixture(int snapshotEvery, Function<JdbcClient, List<FoldListener>> listeners) {
        DevDatabase database = DevDatabase.forTests();
        var dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/query").load().migrate();
        db = JdbcClient.create(dataSource);
        table = new DraftTable(db, json);
        Snapshots snapshots = new Snapshots(db, json, snapshotEvery, 20_000);
        FoldedDrafts folded = new FoldedDrafts(20_000);
        documents = new DraftDocuments(table, folded, snapshots, json, new PastEvents(store, snapshotEvery, 20_000));
        List<FoldListener> all = new ArrayList<>(List.of(snapshots));
        all.addAll(listeners.apply(db));
        projection = new DraftProjection(table, folded, json, new LiveChannel(new SimpMessagingTemplate(
                (message, timeout) -> true)), all);
    }

    /** Delivers the events with their sequence numbers and times, as the tracking processor would. */
    public void deliver(List<DraftEvent> events, int from, int to) {
        for (int i = from; i < to; i++) {
            DraftEvent event = events.get(i);
            if (stored.add(event.draftId() + "/" + i)) {
                store.appendEvents(new GenericDomainEventMessage<>("Draft", event.draftId(), i, event,
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), Negotiation.at(i)));
            }
            projection.on(event, i, Negotiation.at(i));
        }
    }

    public void reset() {
        projection.reset();
    }

    /** What {@code GET /api/drafts/{d}} answers for a document. */
    public String documentJson(Document doc) {
        try {
            return json.writeValueAsString(DraftView.of(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code GET /api/drafts/{d}/text?format=markdown} answers for a document. */
    public static String markdown(Document doc) {
        return MarkdownRenderer.render(doc);
    }

    public Document current(String draftId) {
        return table.document(draftId).orElseThrow();
    }
}
