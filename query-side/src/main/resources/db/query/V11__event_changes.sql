-- Each recorded event keeps what it changed, rendered, so that a client catching up with /events?after=N gets
-- exactly what it would have received live. The read model is rebuilt from the event store to fill them in:
-- emptied here, and the drafts processor starts again from the first event.
ALTER TABLE draft_event
    ADD COLUMN status     TEXT,
    ADD COLUMN paragraphs JSONB,
    ADD COLUMN placed     JSONB,
    ADD COLUMN removed    JSONB;

TRUNCATE draft, draft_event, draft_snapshot, history_entry;
DELETE FROM TokenEntry WHERE processorName = 'drafts';

ALTER TABLE draft_event
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN paragraphs SET NOT NULL,
    ALTER COLUMN placed SET NOT NULL,
    ALTER COLUMN removed SET NOT NULL;
