-- The applicant may decline a proposed transfer (issue 18): the booking stays, the proposed time is released at once.
ALTER TABLE transfer DROP CONSTRAINT transfer_status_check;
ALTER TABLE transfer ADD CONSTRAINT transfer_status_check CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'EXPIRED'));
