-- Issue 23: booking-service takes a reservation in one call, in one transaction, for the booking it is making; there is
-- no hold to confirm any more. Holds still open at the upgrade are given back (their bookings fail and are retried),
-- and the states, the hold's expiry and its index go; the constraint and the partial indexes say what they mean.
UPDATE reservation SET status = 'RELEASED' WHERE status IN ('HELD', 'EXPIRED');

ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check CHECK (status IN ('CONFIRMED', 'RELEASED'));
DROP INDEX reservation_expiring;
ALTER TABLE reservation DROP COLUMN hold_expires_at;

ALTER TABLE reservation DROP CONSTRAINT reservation_employee_id_blocked_excl;
ALTER TABLE reservation ADD CONSTRAINT reservation_no_overlap
    EXCLUDE USING gist (employee_id WITH =, blocked WITH &&) WHERE (status = 'CONFIRMED');
DROP INDEX reservation_active;
CREATE INDEX reservation_active ON reservation (employee_id, starts_at) WHERE status = 'CONFIRMED';
DROP INDEX reservation_unit_active;
CREATE INDEX reservation_unit_active ON reservation (unit_id, starts_at) WHERE status = 'CONFIRMED';
