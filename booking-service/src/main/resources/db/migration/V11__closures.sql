-- An emergency closure of a unit, an employee or the whole municipality (issue 21 item 4): the bookings it strands
-- are either offered new times (a transfer each, cancelled if declined or unanswered at answer_by) or cancelled
-- with the reason. The closure itself is in force in availability (availability_exception_id).
CREATE TABLE closure (
    id                         uuid PRIMARY KEY,
    municipality_code          text NOT NULL,
    availability_exception_id  bigint NOT NULL,
    unit_id                    text,
    employee_id                text,
    starts_at                  timestamptz NOT NULL,
    ends_at                    timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason                     text NOT NULL,
    handling                   text NOT NULL CHECK (handling IN ('PROPOSE_NEW_TIMES', 'CANCEL')),
    answer_by                  timestamptz,
    declared_by                text NOT NULL,
    declared_at                timestamptz NOT NULL,
    CHECK ((handling = 'PROPOSE_NEW_TIMES') = (answer_by IS NOT NULL))
);
CREATE INDEX closure_by_municipality ON closure (municipality_code, starts_at);

-- The bookings a closure stranded, with the time they had, whatever became of them since.
CREATE TABLE closure_booking (
    id              uuid PRIMARY KEY,
    closure_id      uuid NOT NULL REFERENCES closure (id),
    booking_id      uuid NOT NULL REFERENCES booking (id),
    original_start  timestamptz NOT NULL,
    original_end    timestamptz NOT NULL,
    UNIQUE (closure_id, booking_id)
);

ALTER TABLE transfer ADD COLUMN closure_id uuid REFERENCES closure (id);

-- Why the municipality cancelled a booking (a closure, a suspension), shown to the person and put in the mail.
ALTER TABLE booking ADD COLUMN cancellation_reason text;
