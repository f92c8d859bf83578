-- Every kind of message a booking calls for (NT-1..3), who receives it, and what the dispatcher needs to decide
-- without reading the stored booking: when the appointment is (reminders are never sent once it began) and which
-- version of the calendar entry the .ics carries (NT-5: same UID, SEQUENCE grows with every change).
ALTER TABLE message DROP CONSTRAINT message_kind_check;
ALTER TABLE message ADD CONSTRAINT message_kind_check CHECK (kind IN
    ('CONFIRMATION', 'REMINDER', 'RESCHEDULE', 'CANCELLATION', 'TRANSFER_PROPOSAL', 'TRANSFER', 'INVITATION'));
ALTER TABLE message ADD COLUMN recipient_role text NOT NULL DEFAULT 'APPLICANT'
    CHECK (recipient_role IN ('APPLICANT', 'THIRD_PARTY'));
ALTER TABLE message ALTER COLUMN recipient_role DROP DEFAULT;
ALTER TABLE message ADD COLUMN appointment_start timestamptz;
ALTER TABLE message ADD COLUMN appointment_end timestamptz;
UPDATE message SET appointment_start = (booking::jsonb ->> 'start')::timestamptz,
                   appointment_end = (booking::jsonb ->> 'end')::timestamptz;
ALTER TABLE message ALTER COLUMN appointment_start SET NOT NULL;
ALTER TABLE message ALTER COLUMN appointment_end SET NOT NULL;
ALTER TABLE message ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0;
ALTER TABLE message ALTER COLUMN calendar_sequence DROP DEFAULT;
-- The whole event is kept (the booking, its previous time, a transfer proposal), not only the booking.
ALTER TABLE message RENAME COLUMN booking TO event;
UPDATE message SET event = json_build_object('booking', event::json)::text;
-- Why a message was not sent (cancelled booking, appointment already begun, superseded by a later reminder).
ALTER TABLE message ADD COLUMN cancelled_because text;

-- Retention: the delivery log and the personal data in it go once the appointment is long past.
CREATE INDEX message_appointment_end ON message (appointment_end);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
