-- The staff who serve appointments (REG-5): their unit, the services they serve and their desk.
-- Removed employees stay, inactive, so that past appointments keep pointing at someone.
CREATE TABLE employee (
    id                 text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{2,80}$'),
    municipality_code  text NOT NULL REFERENCES municipality (code),
    unit_id            text NOT NULL REFERENCES unit (id),
    display_name       text NOT NULL,
    service_ids        text[] NOT NULL,
    desk               text,
    active             boolean NOT NULL DEFAULT true
);
CREATE INDEX employee_municipality ON employee (municipality_code) WHERE active;
