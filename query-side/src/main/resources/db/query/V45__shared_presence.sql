-- Presence shared by the query-side nodes behind a STOMP relay (plenary.live.relay.enabled): each node keeps here who
-- is connected to it and in which room, and shows itself once a second. A node silent for longer than the node
-- timeout is dead: the first live node to notice deletes it with its members and broadcasts their rooms. Ephemeral
-- and never part of the record; local mode (one node, in-memory broker) leaves these tables empty.
CREATE TABLE live_node (
    node TEXT PRIMARY KEY,
    seen TIMESTAMPTZ NOT NULL
);

CREATE TABLE live_presence (
    node         TEXT   NOT NULL,
    session      TEXT   NOT NULL,
    draft_id     TEXT   NOT NULL,
    arrived      BIGSERIAL,
    user_name    TEXT   NOT NULL,
    delegation   TEXT,
    role         TEXT   NOT NULL,
    paragraph_id TEXT,
    PRIMARY KEY (node, session, draft_id)
);

CREATE INDEX live_presence_room ON live_presence (draft_id, arrived);
