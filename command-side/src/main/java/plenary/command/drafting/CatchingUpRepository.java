package plenary.command.drafting;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Drafts kept in memory between commands, caught up with the events they missed. With several command-side nodes on
 * one draft, the draft a node has cached is usually a few events behind the record (the other nodes appended
 * since); Axon's caching repository would use it as it is, and {@link AppendRaces} used to evict it so that it was
 * read afresh: the whole history replayed on every command, seconds per command on a draft of 5,000 events. Here a
 * cached draft folds just the events recorded after its version (one indexed read, usually empty) before the command
 * sees it; a draft not in memory is read from the record as before.
 * <p>
 * Chosen over Axon snapshots, which still replay up to a snapshot interval of events per stale load and write the
 * whole document every interval, and over routing each draft to one node, which needs a distributed command bus
 * (and its membership and failover) for what one query solves. Commands on one draft still take turns across nodes
 * under {@link AppendRaces}' lock, so nothing is appended between the catch-up and the command's own append; and
 * since the turn has read the record's version under that lock, a cached draft already at it skips the read.
 */
final class CatchingUpRepository extends CachingEventSourcingRepository<Draft> {

    private final EventStore store;

    private CatchingUpRepository(EventSourcingRepository.Builder<Draft> builder, EventStore store) {
        super(builder);
        this.store = store;
    }

    @Override
    protected EventSourcedAggregate<Draft> doLoadWithLock(String draftId, Long expectedVersion) {
        EventSourcedAggregate<Draft> draft = super.doLoadWithLock(draftId, expectedVersion);
        Long last = draft.version(); // the sequence number of the last event it holds, from 0
        Long recorded = AppendRaces.versionInTurn(draftId);
        if (last != null && recorded != null && last + 1 == recorded) {
            return draft; // the turn has just read the record's version: nothing was missed
        }
        DomainEventStream missed = store.readEvents(draftId, last == null ? 0 : last + 1);
        if (missed.hasNext()) {
            draft.initializeState(missed);
        }
        return draft;
    }

    @Configuration
    static class Config {

        /** The drafts' repository (named in {@link Draft}'s {@code @Aggregate}), built as Axon's default would be. */
        @Bean
        Repository<Draft> draftRepository(EventStore eventStore, Cache draftCache,
                                          org.axonframework.config.Configuration axon) {
            EventSourcingRepository.Builder<Draft> builder = EventSourcingRepository.builder(Draft.class)
                    .eventStore(eventStore).cache(draftCache)
                    .parameterResolverFactory(axon.parameterResolverFactory())
                    .handlerDefinition(axon.handlerDefinition(Draft.class))
                    .repositoryProvider(axon::repository);
            return new CatchingUpRepository(builder, eventStore);
        }
    }
}
