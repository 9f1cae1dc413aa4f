-- The answers to commands sent with an Idempotency-Key, so that a repeat gets the first answer and changes nothing.
-- A row is written in the transaction that records the command's events, so one never exists without the other.
-- request fingerprints what was asked (method, path, If-Match, body): a key cannot be reused for another request.
CREATE TABLE idempotency_key (
    user_name    TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request      TEXT        NOT NULL,
    status       INTEGER,
    content_type TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_name, key)
);

-- A keyed command commits with the outer transaction, after Axon has released the draft and cached its new
-- state. A command on the same draft in that moment would append the next event on top of one not yet committed
-- (or about to be rolled back), and could commit first. So an event is recorded only after its predecessor: the
-- refusal reads as a duplicate key, which Axon reports as a concurrent change (409) and which evicts the cache.
CREATE FUNCTION plenary_require_predecessor() RETURNS trigger AS $$
BEGIN
    IF NEW.sequenceNumber > 0 AND NOT EXISTS (
            SELECT 1 FROM DomainEventEntry
            WHERE aggregateIdentifier = NEW.aggregateIdentifier AND sequenceNumber = NEW.sequenceNumber - 1) THEN
        RAISE EXCEPTION 'event % of % has no recorded predecessor', NEW.sequenceNumber, NEW.aggregateIdentifier
            USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER domain_event_follows_its_predecessor
    BEFORE INSERT ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION plenary_require_predecessor();
