-- The changed reservations' scopes read straight from the transition tables, not from an array of the whole rows: a
-- statement changing millions of reservations (a retention purge) would have built that array in memory, up to
-- PostgreSQL's 1 GB limit on one value, and each single booking no longer packs and unpacks its row. Each scope
-- once, in one order (so concurrent statements lock generation rows alike), as before.
CREATE OR REPLACE FUNCTION reservations_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_search_generation(scope) FROM (
        SELECT 'employee:' || employee_id AS scope FROM new_rows
        UNION SELECT 'unit:' || unit_id FROM new_rows WHERE mode = 'IN_PERSON') AS scopes
    ORDER BY scope;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reservations_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_search_generation(scope) FROM (
        SELECT 'employee:' || employee_id AS scope FROM old_rows
        UNION SELECT 'employee:' || employee_id FROM new_rows
        UNION SELECT 'unit:' || unit_id FROM old_rows WHERE mode = 'IN_PERSON'
        UNION SELECT 'unit:' || unit_id FROM new_rows WHERE mode = 'IN_PERSON') AS scopes
    ORDER BY scope;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION reservations_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_search_generation(scope) FROM (
        SELECT 'employee:' || employee_id AS scope FROM old_rows
        UNION SELECT 'unit:' || unit_id FROM old_rows WHERE mode = 'IN_PERSON') AS scopes
    ORDER BY scope;
    RETURN NULL;
END $$;

DROP FUNCTION bump_reservation_scopes(reservation[]);
