-- Schedules are data (AV-1): units, weekly templates with validity periods, work positions, closures and leave,
-- local holidays and booking windows. Admins change them through the API; nothing here is code.

-- The units that serve appointments and their municipality (from the registry's MunicipalityActivated; seeded for demos).
CREATE TABLE unit (
    id                 text PRIMARY KEY,
    municipality_code  text NOT NULL
);
INSERT INTO unit (id, municipality_code)
SELECT DISTINCT unit_id, municipality_code FROM employee ON CONFLICT DO NOTHING;

-- A weekly template: the hours of a unit, of one service of a unit (e.g. civil-marriage licences end at 13:30),
-- or of one employee (their own working week, within the unit's). On a given date the template of the same owner
-- with the latest valid_from applies, so a new template "from 1 January" supersedes the old one without editing it.
-- week = {"periods": [{"day": 1, "opens": "08:00", "closes": "14:00"}, ...]}, day 1 = Monday, local time.
CREATE TABLE schedule_template (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id            text NOT NULL REFERENCES unit (id),
    service_id         text,
    employee_id        text REFERENCES employee (id),
    valid_from         date,
    valid_until        date,
    week               jsonb NOT NULL,
    declared_by_registry boolean NOT NULL DEFAULT false,
    CHECK (service_id IS NULL OR employee_id IS NULL),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);
CREATE INDEX schedule_template_unit ON schedule_template (unit_id);

INSERT INTO schedule_template (unit_id, service_id, week, declared_by_registry)
SELECT w.unit_id, w.service_id,
       jsonb_build_object('periods', jsonb_agg(jsonb_build_object('day', w.day_of_week,
           'opens', to_char(w.opens, 'HH24:MI'), 'closes', to_char(w.closes, 'HH24:MI')) ORDER BY w.day_of_week, w.opens)),
       w.service_id IS NULL
FROM weekly_hours w JOIN unit u ON u.id = w.unit_id
GROUP BY w.unit_id, w.service_id;
DROP TABLE weekly_hours;

-- How many people a unit can receive at once (desks, counters), for in-person appointments, per validity period.
CREATE TABLE work_positions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id      text NOT NULL REFERENCES unit (id),
    valid_from   date,
    valid_until  date,
    positions    integer NOT NULL CHECK (positions > 0),
    CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from)
);

-- Exceptions to the weekly templates: a unit (or the whole municipality) closed, or an employee on leave.
CREATE TABLE schedule_exception (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code  text NOT NULL,
    kind               text NOT NULL CHECK (kind IN ('CLOSURE', 'LEAVE')),
    unit_id            text REFERENCES unit (id),
    employee_id        text REFERENCES employee (id),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason             text NOT NULL,
    CHECK ((kind = 'LEAVE') = (employee_id IS NOT NULL))
);
CREATE INDEX schedule_exception_time ON schedule_exception (municipality_code, ends_at);

-- A municipality's own holidays (e.g. Thessaloniki, Saint Demetrius, 26 October): a fixed date, or a number of days
-- from Orthodox Easter for feasts that move with it.
CREATE TABLE local_holiday (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code  text NOT NULL,
    month              smallint CHECK (month BETWEEN 1 AND 12),
    day                smallint CHECK (day BETWEEN 1 AND 31),
    easter_offset      smallint,
    name_el            text NOT NULL,
    name_en            text,
    CHECK ((month IS NOT NULL AND day IS NOT NULL AND easter_offset IS NULL)
        OR (month IS NULL AND day IS NULL AND easter_offset IS NOT NULL))
);

-- Booking window per municipality (service_id NULL) or per service; NULL fields fall back to the wider setting and
-- finally to availability.* in application.properties.
CREATE TABLE booking_policy (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code        text NOT NULL,
    service_id               text,
    minimum_notice_minutes   integer CHECK (minimum_notice_minutes >= 0),
    horizon_days             integer CHECK (horizon_days > 0),
    employee_choice_allowed  boolean
);
CREATE UNIQUE INDEX booking_policy_scope ON booking_policy (municipality_code, coalesce(service_id, ''));

-- The in-person occupancy of a unit at a time, for work positions; and the lookup of a booking's reservations.
ALTER TABLE reservation ADD COLUMN unit_id text;
UPDATE reservation r SET unit_id = e.unit_id FROM employee e WHERE e.id = r.employee_id;
ALTER TABLE reservation ALTER COLUMN unit_id SET NOT NULL;
CREATE INDEX reservation_unit_active ON reservation (unit_id, starts_at) WHERE status IN ('HELD', 'CONFIRMED');
CREATE INDEX reservation_booking ON reservation (booking_reference) WHERE booking_reference IS NOT NULL;
