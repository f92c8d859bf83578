-- Certificates issued to citizens from the Citizen Registry (issue 10): the PDF as issued, the record and version it
-- was drawn from (a later correction supersedes it), and what its public verification may show.
CREATE TABLE certificate (
    code              text PRIMARY KEY CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{12}$'),
    type              text NOT NULL CHECK (type IN ('BIRTH', 'FAMILY_STATUS', 'MUNICIPAL_REGISTRATION', 'CIVIL_ACT_EXTRACT')),
    language          text NOT NULL CHECK (language IN ('el', 'en')),
    record_kind       text NOT NULL CHECK (record_kind IN ('CIVIL_ACT', 'FAMILY_SHARE')),
    record_id         uuid NOT NULL,
    record_version    int  NOT NULL,
    subject_tax_id    text NOT NULL,
    requested_by      text NOT NULL,
    holder_name_shown text,
    issued_at         timestamptz NOT NULL,
    pdf               bytea NOT NULL
);
CREATE INDEX certificate_requested_by ON certificate (requested_by, issued_at);
