-- X-1: personal data is kept only for a while after the appointment; what statistics need (municipality, unit,
-- service, mode, status, time, channel) stays.
ALTER TABLE booking ADD COLUMN anonymised_at timestamptz;
CREATE INDEX booking_to_anonymise ON booking (ends_at) WHERE anonymised_at IS NULL;
ALTER TABLE booking ALTER COLUMN created_by DROP NOT NULL;
