-- Municipalities, their organisational units and the services (θεματικά πεδία) they offer.
CREATE TABLE municipality (
    code                       text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
    name_el                    text NOT NULL,
    name_en                    text NOT NULL,
    status                     text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'SUSPENDED')),
    address                    text,
    phones                     text[] NOT NULL DEFAULT '{}',
    email                      text,
    modes                      text[] NOT NULL DEFAULT '{IN_PERSON}',
    third_party_video_allowed  boolean NOT NULL DEFAULT false
);

CREATE TABLE unit (
    id                 text PRIMARY KEY,
    municipality_code  text NOT NULL REFERENCES municipality (code),
    name_el            text NOT NULL,
    name_en            text NOT NULL,
    address            text,
    phones             text[] NOT NULL DEFAULT '{}',
    email              text,
    hours_el           text,
    hours_en           text
);
CREATE INDEX unit_municipality ON unit (municipality_code);

-- terms: {"modes":     [{"mode": "IN_PERSON", "durationMinutes": 15}, ...],
--         "documents": [{"nameEl": "...", "nameEn": "...", "exOfficio": false}, ...],
--         "fees":      [{"descriptionEl": "...", "descriptionEn": "...", "amountEuro": 10.00}, ...]}
CREATE TABLE public_service (
    id                 text PRIMARY KEY,
    unit_id            text NOT NULL REFERENCES unit (id),
    name_el            text NOT NULL,
    name_en            text NOT NULL,
    terms              jsonb NOT NULL CHECK (jsonb_typeof(terms -> 'modes') = 'array'),
    buffer_minutes     integer NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
    notes_el           text,
    notes_en           text
);
CREATE INDEX public_service_unit ON public_service (unit_id);
