-- ID-3: who read or changed which record, when, from where, with what outcome; and every refused request.
-- Each entry carries the hash of the one before it (a chain), so an edited, removed or inserted row is detected by
-- recomputing the chain (GET /api/audit/verify). The trigger refuses edits outright; someone able to drop it is
-- still caught by the chain.
CREATE TABLE audit_entry (
    seq            bigint PRIMARY KEY,     -- position in the chain, assigned under the chain's lock
    at             timestamptz NOT NULL,
    actor          text NOT NULL,          -- issuer realm and token subject, or 'anonymous'
    actor_name     text,                   -- the user name in the token
    municipality   text,                   -- an employee's municipality claim
    address        text NOT NULL,          -- the client's address
    action         text NOT NULL,          -- HTTP method
    record         text NOT NULL,          -- path and query: which record
    outcome        integer NOT NULL,       -- HTTP status of the answer
    request_id     text,
    previous_hash  text NOT NULL,
    hash           text NOT NULL
);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
