-- The current document of every draft, folded from its events.
CREATE TABLE draft (
    draft_id   TEXT PRIMARY KEY,
    version    BIGINT      NOT NULL,
    reference  TEXT,
    title      TEXT,
    status     TEXT        NOT NULL,
    document   JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Every event of every draft, as auditors and catching-up clients read them.
CREATE TABLE draft_event (
    draft_id    TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    type        TEXT        NOT NULL,
    actor       JSONB       NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     JSONB       NOT NULL,
    PRIMARY KEY (draft_id, version)
);
