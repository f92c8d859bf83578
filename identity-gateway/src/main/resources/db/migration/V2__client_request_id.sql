-- The request id of an entry is the platform's own (unique per request); the id a caller sent is kept here, apart.
ALTER TABLE audit_entry ADD COLUMN client_request_id text;
