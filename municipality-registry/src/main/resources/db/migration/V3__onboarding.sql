-- A unit's weekly opening hours as the municipality declared them (availability turns them into schedules).
CREATE TABLE unit_hours (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      text NOT NULL REFERENCES unit (id),
    day_of_week  smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens        time NOT NULL,
    closes       time NOT NULL CHECK (closes > opens)
);
CREATE INDEX unit_hours_unit ON unit_hours (unit_id);

-- A municipality's request to join the platform (REG-2): what it declares, and the central admin's decision.
CREATE TABLE onboarding_request (
    id                 uuid PRIMARY KEY,
    municipality_code  text NOT NULL,
    declaration        jsonb NOT NULL,
    status             text NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
    submitted_by       text NOT NULL,
    submitted_at       timestamptz NOT NULL,
    decided_by         text,
    decided_at         timestamptz,
    decision_reason    text,
    CHECK ((status = 'SUBMITTED') = (decided_at IS NULL))
);
-- One open request per municipality at a time.
CREATE UNIQUE INDEX onboarding_request_open ON onboarding_request (municipality_code) WHERE status = 'SUBMITTED';
