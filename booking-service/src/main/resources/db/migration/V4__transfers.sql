-- A municipal admin's proposal to move a booking to another time or employee (BK-7). The proposed time is reserved
-- in availability while the applicant decides; the booking moves only when they accept, and their consent (who,
-- when) stays recorded here. Unanswered proposals expire and their reservation is released.
CREATE TABLE transfer (
    id              uuid PRIMARY KEY,
    booking_id      uuid NOT NULL REFERENCES booking (id),
    status          text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'EXPIRED')),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    employee_id     text NOT NULL,
    reservation_id  uuid NOT NULL,
    reason          text NOT NULL,
    proposed_by     text NOT NULL,
    proposed_at     timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    decided_by      text,
    decided_at      timestamptz
);
CREATE UNIQUE INDEX transfer_open ON transfer (booking_id) WHERE status = 'PROPOSED';
CREATE INDEX transfer_expiring ON transfer (expires_at) WHERE status = 'PROPOSED';
