-- Tell listening query sides that events were committed, so they read at once instead of polling.
-- NOTIFY is delivered only on commit and folds repeats within a transaction; the query side still reads the
-- events themselves from this table, so a lost notification only delays it.
CREATE FUNCTION plenary_notify_events() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('plenary_events', '');
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER domain_event_committed
    AFTER INSERT ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION plenary_notify_events();
