-- A clerk's read of a person's registry data to serve them (REG-6, ID-3): who, for which municipality, why, when.
CREATE TABLE person_read (
    id                  bigserial PRIMARY KEY,
    read_at             timestamptz NOT NULL,
    reader              text NOT NULL,
    reader_municipality text NOT NULL,
    subject_tax_id      text NOT NULL,
    reason              text NOT NULL,
    found               boolean NOT NULL,
    request_id          text
);
CREATE INDEX person_read_subject ON person_read (subject_tax_id, read_at);
CREATE TRIGGER person_read_append_only BEFORE UPDATE OR DELETE ON person_read
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
