-- Search that ignores case and Greek accents (REG-8): `θεσσαλονικη` and `thessaloniki` both find Θεσσαλονίκη.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; this IMMUTABLE wrapper (fixed dictionary) may feed a generated column.
-- Final sigma is folded to σ, so that upper-case input matches too.
CREATE FUNCTION search_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'ς', 'σ') $$;

ALTER TABLE municipality
    ADD COLUMN search_text text GENERATED ALWAYS AS (search_text(name_el) || ' ' || search_text(name_en) || ' ' || code) STORED;

-- Competent authority by postal code (REG-7): the municipality, and the unit when one serves that area.
CREATE TABLE postal_area (
    postal_code        text PRIMARY KEY CHECK (postal_code ~ '^[1-8][0-9]{4}$'),
    municipality_code  text NOT NULL REFERENCES municipality (code),
    unit_id            text REFERENCES unit (id)
);
CREATE INDEX postal_area_municipality ON postal_area (municipality_code);

-- The Citizen Registry and the National Registry of Communication, as far as booking forms are pre-filled (REG-6).
CREATE TABLE citizen_record (
    tax_id             text PRIMARY KEY CHECK (tax_id ~ '^[0-9]{9}$'),
    amka               text UNIQUE CHECK (amka ~ '^[0-9]{11}$'),
    first_name         text NOT NULL,
    last_name          text NOT NULL,
    father_name        text,
    birth_date         date,
    municipality_code  text REFERENCES municipality (code),
    address            text,
    postal_code        text CHECK (postal_code ~ '^[1-8][0-9]{4}$'),
    email              text,
    mobile             text
);
