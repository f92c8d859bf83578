-- Transactional outbox (transactional-outbox module): registry events written with the change, relayed to Kafka.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    topic         text NOT NULL,
    event_key     text NOT NULL,
    type          text NOT NULL,
    payload       text NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
