-- The Citizen Registry (Μητρώο Πολιτών, seed 002): civil-registry acts (ληξιαρχικές πράξεις) kept by each
-- municipality's registry office, and municipal-registry family records (οικογενειακές μερίδες). The persons of a
-- record are a JSON document of the record ({"persons": [...]}); tax_ids repeats their tax numbers for the search.
CREATE TABLE civil_act (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('BIRTH', 'MARRIAGE', 'DEATH')),
    registry_office  text NOT NULL REFERENCES municipality (code),
    year             int  NOT NULL CHECK (year BETWEEN 1800 AND 2200),
    volume           int  NOT NULL CHECK (volume > 0),
    act_number       int  NOT NULL CHECK (act_number > 0),
    event_date       date NOT NULL,
    event_place      text NOT NULL,
    persons          jsonb NOT NULL,
    tax_ids          varchar[] NOT NULL DEFAULT '{}',
    version          int  NOT NULL DEFAULT 1,
    recorded_at      timestamptz NOT NULL,
    recorded_by      text NOT NULL,
    UNIQUE (registry_office, year, volume, act_number)
);
CREATE INDEX civil_act_tax_ids ON civil_act USING gin (tax_ids);

CREATE TABLE family_share (
    id                 uuid PRIMARY KEY,
    municipality_code  text NOT NULL REFERENCES municipality (code),
    share_number       int  NOT NULL CHECK (share_number > 0),
    persons            jsonb NOT NULL,
    tax_ids            varchar[] NOT NULL DEFAULT '{}',
    version            int  NOT NULL DEFAULT 1,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text NOT NULL,
    UNIQUE (municipality_code, share_number)
);
CREATE INDEX family_share_tax_ids ON family_share USING gin (tax_ids);

-- A correction is a dated marginal note (σημείωση στο περιθώριο): the value it replaced, the new one, who and why.
-- Notes are only ever added.
CREATE TABLE marginal_note (
    id           uuid PRIMARY KEY,
    record_kind  text NOT NULL CHECK (record_kind IN ('CIVIL_ACT', 'FAMILY_SHARE')),
    record_id    uuid NOT NULL,
    version      int  NOT NULL,
    field        text NOT NULL,
    old_value    text,
    new_value    text,
    reason       text NOT NULL,
    noted_at     timestamptz NOT NULL,
    noted_by     text NOT NULL,
    municipality_code text NOT NULL,
    UNIQUE (record_kind, record_id, version)
);

-- Every disclosure of a record: who read which record, when, on whose behalf (ID-3, seed 004 Art.7§2).
CREATE TABLE record_read (
    id           bigserial PRIMARY KEY,
    read_at      timestamptz NOT NULL,
    reader       text NOT NULL,
    reader_municipality text,
    record_kind  text NOT NULL,
    record_id    uuid NOT NULL,
    request_id   text
);
CREATE INDEX record_read_record ON record_read (record_kind, record_id, read_at);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER marginal_note_append_only BEFORE UPDATE OR DELETE ON marginal_note
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER record_read_append_only BEFORE UPDATE OR DELETE ON record_read
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
