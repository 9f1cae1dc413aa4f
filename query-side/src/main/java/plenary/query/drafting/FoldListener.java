package plenary.query.drafting;

import plenary.drafting.DraftEvent;
import plenary.text.Document;

import java.time.Instant;
import java.util.List;

/**
 * A read model kept beside the drafts projection (snapshots, the timeline): a table with at most one row per event,
 * made from the event and the document before and after it, which only the fold has at hand. The projection writes
 * the row live, in its own transaction; a rebuild writes the very same rows aside in bulk, then switches the tables
 * in. Every such bean is kept.
 */
public interface FoldListener {

    /** The table and its columns, in the order of {@link #row}'s values. */
    Table table();

    /**
     * The row this event adds (null: none): Strings, numbers and Instants, a JSON column's value as JSON text.
     * {@code before} is null for a draft's first event; the event's version is {@code after.version()}.
     */
    Object[] row(Document before, Document after, DraftEvent event, Instant at);

    /** A table of the read model; a column {@code "name::jsonb"} takes its value as text cast to that type. */
    record Table(String name, List<String> columns) {

        public Table {
            columns = List.copyOf(columns);
        }

        public Table(String name, String... columns) {
            this(name, List.of(columns));
        }
    }
}
