-- Events already handled: a redelivered or duplicated event finds its id here and changes nothing (NT-4).
CREATE TABLE processed_event (
    event_id      uuid PRIMARY KEY,
    processed_at  timestamptz NOT NULL
);

-- Every message to a person, planned before it is sent, so that none is lost and none is sent twice.
CREATE TABLE message (
    id                 uuid PRIMARY KEY,
    booking_reference  text NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('CONFIRMATION')),
    recipient          text NOT NULL,
    language           text NOT NULL CHECK (language IN ('el', 'en')),
    booking            text NOT NULL,   -- the booking as the event carried it (docs/events.md), rendered when sent
    due_at             timestamptz NOT NULL,
    status             text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    next_attempt_at    timestamptz NOT NULL,
    attempts           integer NOT NULL DEFAULT 0,
    last_error         text,
    sent_at            timestamptz,
    created_at         timestamptz NOT NULL
);
CREATE INDEX message_due ON message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX message_booking ON message (booking_reference);
