-- btree_gist lets one exclusion constraint mix = (employee) and && (time range).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Local copy of the staff who serve appointments (kept fresh from the registry; seeded for demos).
CREATE TABLE employee (
    id                 text PRIMARY KEY,
    municipality_code  text NOT NULL,
    unit_id            text NOT NULL,
    display_name       text NOT NULL,
    service_ids        text[] NOT NULL,
    active             boolean NOT NULL DEFAULT true
);
CREATE INDEX employee_unit ON employee (municipality_code, unit_id);

-- Weekly opening hours of a unit; a row with service_id overrides the unit's rows for that service
-- (e.g. civil-marriage licences end at 13:30 while the rest of the unit serves until 14:00).
CREATE TABLE weekly_hours (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      text NOT NULL,
    service_id   text,
    day_of_week  smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens        time NOT NULL,
    closes       time NOT NULL CHECK (closes > opens)
);
CREATE INDEX weekly_hours_unit ON weekly_hours (unit_id);

-- One employee's time taken by an appointment, including the buffer after it (AV-4).
-- The exclusion constraint makes a double assignment impossible whatever the concurrency.
CREATE TABLE reservation (
    id                 uuid PRIMARY KEY,
    employee_id        text NOT NULL REFERENCES employee (id),
    municipality_code  text NOT NULL,
    service_id         text NOT NULL,
    mode               text NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL CHECK (ends_at > starts_at),
    blocked_until      timestamptz NOT NULL CHECK (blocked_until >= ends_at),
    blocked            tstzrange GENERATED ALWAYS AS (tstzrange(starts_at, blocked_until, '[)')) STORED,
    status             text NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    hold_expires_at    timestamptz NOT NULL,
    booking_reference  text,
    created_at         timestamptz NOT NULL,
    EXCLUDE USING gist (employee_id WITH =, blocked WITH &&) WHERE (status IN ('HELD', 'CONFIRMED'))
);
CREATE INDEX reservation_active ON reservation (employee_id, starts_at) WHERE status IN ('HELD', 'CONFIRMED');
CREATE INDEX reservation_expiring ON reservation (hold_expires_at) WHERE status = 'HELD';
