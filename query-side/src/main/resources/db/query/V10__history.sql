-- Snapshots of each draft's folded document every K events (plenary.history.snapshot-every), so that any
-- version is the nearest snapshot at or before it plus at most K events folded again.
CREATE TABLE draft_snapshot (
    draft_id TEXT   NOT NULL,
    version  BIGINT NOT NULL,
    document JSONB  NOT NULL,
    PRIMARY KEY (draft_id, version)
);

-- The auditors' timeline: one entry per event, with who did it, a one-line description and the paragraph touched.
CREATE TABLE history_entry (
    draft_id         TEXT        NOT NULL,
    version          BIGINT      NOT NULL,
    type             TEXT        NOT NULL,
    actor_user       TEXT        NOT NULL,
    actor_delegation TEXT,
    actor_role       TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    paragraph_id     TEXT,
    paragraph        TEXT,
    description      TEXT        NOT NULL,
    PRIMARY KEY (draft_id, version)
);
