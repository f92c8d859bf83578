-- The transactional outbox's table (library transactional-outbox): its one definition, for every service that uses the
-- library (quarkus.flyway.locations includes db/outbox). Repeatable and idempotent, so it runs after the service's own
-- migrations: it creates the table in a new service, and brings a service whose early migrations created it to this shape.
CREATE TABLE IF NOT EXISTS outbox_event (
    id            uuid PRIMARY KEY,
    topic         text NOT NULL,
    -- the Kafka record key: events with the same key stay in order
    event_key     text NOT NULL,
    type          text NOT NULL,
    payload       text NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz,
    -- the W3C trace context of the request that wrote the event, continued by the relay's send
    traceparent   text
);
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text;
CREATE INDEX IF NOT EXISTS outbox_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;

-- A transaction that wrote events tells the relay when it commits (PostgreSQL delivers a notification at commit, once
-- per transaction and channel, and never for a rollback): the relay LISTENs on outbox_event instead of polling.
CREATE OR REPLACE FUNCTION outbox_event_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS outbox_event_written ON outbox_event;
CREATE TRIGGER outbox_event_written AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_written();
