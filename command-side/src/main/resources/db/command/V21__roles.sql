-- Where the database roles exist (DatabaseRoles makes them when the configured user may), the command side works
-- as plenary_command: it appends and reads events, keeps its other tables, and can neither change nor remove an
-- event; the query side, as plenary_query, only reads them. Tables the command side makes later get the same
-- rights (default privileges of this, the migrating, user).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plenary_command') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO plenary_command;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO plenary_command;
        REVOKE UPDATE, DELETE, TRUNCATE ON DomainEventEntry FROM plenary_command;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO plenary_command;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO plenary_command;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'plenary_query') THEN
        GRANT SELECT ON DomainEventEntry, SnapshotEventEntry TO plenary_query;
    END IF;
END
$$;
