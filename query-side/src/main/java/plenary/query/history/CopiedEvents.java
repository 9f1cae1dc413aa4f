package plenary.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import plenary.drafting.DraftEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The query side's own copy of a draft's events (table {@code draft_event}: what {@code /events?after=} and live
 * clients catching up are served), checked against the event store: each copied event must be the stored event as
 * the projection copies it (type, author, time and payload, as today's code reads it). A copy edited in the read
 * model would otherwise show an auditor events that the record, and its signatures, never held.
 */
@Component
class CopiedEvents {

    private record Copied(long version, String type, String actor, Instant at, String payload) {
    }

    private final JdbcClient db;
    private final EventStorageEngine store;
    private final ObjectMapper json;

    CopiedEvents(JdbcClient db, EventStorageEngine store, ObjectMapper json) {
        this.db = db;
        this.store = store;
        this.json = json;
    }

    /** The first version whose copy differs from the record, and how; empty when every copied event matches. */
    Optional<Difference> firstDifference(String draftId) {
        Iterator<Copied> copied = new CopyPages(draftId);
        if (!copied.hasNext()) {
            return Optional.empty();
        }
        DomainEventStream stream = store.readEvents(draftId, 0);
        Copied next = copied.next();
        while (next != null && stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            long version = event.getSequenceNumber() + 1;
            if (next.version() > version) {
                // the projection copies every event from the first on: only the last may be still to come
                return Optional.of(new Difference(version, "version " + version + " is missing from the query "
                        + "side's copy of the record (what /events?after= serves)"));
            }
            if (next.version() < version) {
                break;
            }
            if (!(event.getPayload() instanceof DraftEvent payload)) {
                return Optional.of(new Difference(version, "the record holds no draft event at this version"));
            }
            String what = null;
            if (!next.type().equals(payload.getClass().getSimpleName())) {
                what = "its type (" + next.type() + ", recorded " + payload.getClass().getSimpleName() + ")";
            } else if (!read(next.actor()).equals(tree(payload.actor()))) {
                what = "its author";
            } else if (!next.at().equals(event.getTimestamp().truncatedTo(ChronoUnit.MICROS))) {
                what = "its time (" + next.at() + ", recorded " + event.getTimestamp() + ")";
            } else if (!read(next.payload()).equals(tree(payload))) {
                what = "its content";
            }
            if (what != null) {
                return Optional.of(new Difference(version, what));
            }
            next = copied.hasNext() ? copied.next() : null;
        }
        if (next != null) {
            return Optional.of(new Difference(next.version(), "the copy holds version " + next.version()
                    + ", which the record does not"));
        }
        return Optional.empty();
    }

    /**
     * The copy in version order, a range of versions at a time: an index scan of at most a page, whatever the
     * planner believes of the table. In one query of the whole copy it sorted every event with its payload, on disk
     * once the draft had some thousands of events (a quarter of a second at 10,000); with only a lower bound and a
     * LIMIT, statistics from when the table was small still had it read and sort all the rest.
     */
    private final class CopyPages implements Iterator<Copied> {

        private static final int PAGE = 1000;

        private final String draftId;
        private long from;
        private long head;
        private Iterator<Copied> page = Collections.emptyIterator();

        CopyPages(String draftId) {
            this.draftId = draftId;
            db.sql("""
                            SELECT (SELECT version FROM draft_event WHERE draft_id = :id ORDER BY version LIMIT 1),
                                   (SELECT version FROM draft_event WHERE draft_id = :id ORDER BY version DESC LIMIT 1)""")
                    .param("id", draftId).query(rs -> {
                        from = rs.getLong(1);
                        head = rs.wasNull() ? -1 : rs.getLong(2);
                    });
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && from <= head) {
                page = db.sql("""
                                SELECT version, type, actor::text, occurred_at, payload::text FROM draft_event
                                WHERE draft_id = ? AND version >= ? AND version < ? ORDER BY version""")
                        .params(draftId, from, from + PAGE)
                        .query((rs, row) -> new Copied(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5)))
                        .list().iterator();
                from += PAGE;
            }
            return page.hasNext();
        }

        @Override
        public Copied next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }

    /** Where the copy first departs from the record. */
    record Difference(long version, String what) {

        String reason() {
            return what.startsWith("the ") || what.startsWith("version ") ? what : "version " + version + " as the query side copied it (what "
                    + "/events?after= serves) differs from the record in " + what;
        }
    }

    /** As the copy holds it: written as JSON, then read back (so that a long and an int of one value are equal). */
    private JsonNode tree(Object value) {
        try {
            return json.readTree(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
