-- The record is append-only: whoever connects, the event table refuses UPDATE, DELETE and TRUNCATE. Only its
-- owner can disable the trigger, and doing so (as an insider would) is what the hash chain and signed
-- checkpoints are there to catch.
CREATE FUNCTION plenary_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the record is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION plenary_refuse_rewrite();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION plenary_refuse_rewrite();
