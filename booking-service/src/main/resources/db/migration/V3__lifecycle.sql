-- The lifecycle after creation (BK-6, BK-8): who changed the status last and when; what the first request with an
-- Idempotency-Key asked (so that the key reused for something else is refused, not silently answered); a clerk's
-- reason for exceeding the per-person limit.
ALTER TABLE booking ADD COLUMN status_changed_at timestamptz;
ALTER TABLE booking ADD COLUMN status_changed_by text;
ALTER TABLE booking ADD COLUMN request_hash text;
ALTER TABLE booking ADD COLUMN limit_override_reason text;

-- The per-person limit counts a person's active bookings of one service.
CREATE INDEX booking_active_by_owner ON booking (owner_tax_id, service_id) WHERE status = 'CONFIRMED';
CREATE INDEX booking_active_by_creator ON booking (created_by, service_id) WHERE status = 'CONFIRMED';
