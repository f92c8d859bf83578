CREATE TABLE booking (
    id                       uuid PRIMARY KEY,
    reference                text NOT NULL UNIQUE,
    status                   text NOT NULL CHECK (status IN ('CONFIRMED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW')),
    channel                  text NOT NULL CHECK (channel IN ('ONLINE', 'PHONE', 'COUNTER')),
    municipality_code        text NOT NULL,
    service_id               text NOT NULL,
    unit_id                  text NOT NULL,
    mode                     text NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    employee_id              text NOT NULL,
    reservation_id           uuid NOT NULL,
    starts_at                timestamptz NOT NULL,
    ends_at                  timestamptz NOT NULL,
    -- the person who will attend (BK-2)
    person_full_name         text NOT NULL,
    person_email             text NOT NULL,
    person_phone             text NOT NULL,
    on_behalf_of_other       boolean NOT NULL,
    sign_language            boolean NOT NULL DEFAULT false,
    lip_reading              boolean NOT NULL DEFAULT false,
    third_party_email        text,
    language                 text NOT NULL CHECK (language IN ('el', 'en')),
    video_link               text,
    -- the declaration the applicant accepted (BK-3)
    declaration_version      text NOT NULL,
    declaration_accepted_at  timestamptz NOT NULL,
    -- who created it (BK-1): the token's subject and realm, and the citizen's tax number when a citizen did
    created_by               text NOT NULL,
    created_by_realm         text NOT NULL,
    owner_tax_id             text,
    idempotency_key          text,
    created_at               timestamptz NOT NULL,
    version                  integer NOT NULL DEFAULT 0,
    UNIQUE (created_by, idempotency_key)
);
CREATE INDEX booking_owner ON booking (owner_tax_id, starts_at);
CREATE INDEX booking_created_by ON booking (created_by, starts_at);
CREATE INDEX booking_agenda ON booking (municipality_code, starts_at);

-- Transactional outbox (BK-11): written in the transaction of the change, relayed to Kafka afterwards.
CREATE TABLE outbox_event (
    id            uuid PRIMARY KEY,
    event_key     text NOT NULL,
    type          text NOT NULL,
    payload       text NOT NULL,
    created_at    timestamptz NOT NULL,
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
