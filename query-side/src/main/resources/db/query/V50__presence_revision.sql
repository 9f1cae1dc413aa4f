-- Each room's revision, shared by the query-side nodes behind a relay: every broadcast of a room's presence takes the
-- next number here, so a client that gets the room from several nodes (whose messages may cross in the broker) keeps
-- the latest. Ephemeral like live_presence; local mode counts in memory instead.
CREATE TABLE live_room (
    draft_id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL
);
