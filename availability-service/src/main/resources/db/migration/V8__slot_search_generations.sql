-- Issue 24: the public slot search answers from memory (SlotCache) while nothing it read has changed. What it read is
-- named by scopes: 'planning' (staff, units, hours, work positions, closures and leave, holidays, booking windows:
-- rare, administrative changes), 'employee:<id>' (that employee's reservations) and 'unit:<id>' (the unit's in-person
-- reservations, which work positions count). Every change bumps its scopes' generation in its own transaction, so a
-- search that finds the same sum of generations as its cached answer would compute that answer again; the counters
-- only grow, so the sum changes whenever any of them does.
CREATE TABLE search_generation (
    scope      text PRIMARY KEY,
    generation bigint NOT NULL
);
INSERT INTO search_generation VALUES ('planning', 0);

CREATE FUNCTION bump_search_generation(scope_name text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_generation AS g VALUES (scope_name, 1)
    ON CONFLICT (scope) DO UPDATE SET generation = g.generation + 1
$$;

CREATE FUNCTION planning_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_search_generation('planning');
    RETURN NULL;
END $$;

DO $$
DECLARE planning_table text;
BEGIN
    FOREACH planning_table IN ARRAY ARRAY['employee', 'unit', 'schedule_template', 'work_positions', 'schedule_exception',
                                          'local_holiday', 'national_closure', 'booking_policy'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION planning_changed()', planning_table || '_changes_planning', planning_table);
    END LOOP;
END $$;

-- A reservation taken, given back or removed changes its employee's searches, and, in person, its unit's.
CREATE FUNCTION reservation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed reservation;
BEGIN
    FOREACH changed IN ARRAY ARRAY[OLD, NEW] LOOP
        CONTINUE WHEN changed.id IS NULL;
        PERFORM bump_search_generation('employee:' || changed.employee_id);
        IF changed.mode = 'IN_PERSON' THEN
            PERFORM bump_search_generation('unit:' || changed.unit_id);
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER reservation_changes_searches AFTER INSERT OR DELETE OR UPDATE ON reservation
    FOR EACH ROW EXECUTE FUNCTION reservation_changed();

-- Emptying the table at once (an operator's clean-up) changes every search: 'planning' is part of each.
CREATE TRIGGER reservation_truncated_changes_searches AFTER TRUNCATE ON reservation
    FOR EACH STATEMENT EXECUTE FUNCTION planning_changed();
