-- A booking made for another person: the person who made it receives a copy of the notices (seed 004 Art.2§2).
ALTER TABLE message DROP CONSTRAINT message_recipient_role_check;
ALTER TABLE message ADD CONSTRAINT message_recipient_role_check
    CHECK (recipient_role IN ('APPLICANT', 'THIRD_PARTY', 'BOOKER'));
