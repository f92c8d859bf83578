-- A reservation change bumps its scopes' generations once per statement, not once per row. Per row, a statement that
-- changes many reservations of one employee (a closure releasing a day, the reconciliation, a bulk import) updated
-- that employee's generation row once for each of them in one transaction: every update a new row version, each slower
-- than the last, and every search meanwhile walking the growing chain of versions (measured: 100,000 rows took two
-- minutes, and the slot search ran at a third of its pace while they did).
DROP TRIGGER reservation_changes_searches ON reservation;
DROP FUNCTION reservation_changed();

-- The changed rows' scopes, each once, in one order (so concurrent statements lock generation rows alike).
CREATE FUNCTION bump_reservation_scopes(changed reservation[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_search_generation(scope) FROM (
        SELECT 'employee:' || employee_id AS scope FROM unnest(changed)
        UNION
        SELECT 'unit:' || unit_id FROM unnest(changed) WHERE mode = 'IN_PERSON') AS scopes
    ORDER BY scope;
END $$;

CREATE FUNCTION reservations_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_reservation_scopes(ARRAY(SELECT r::reservation FROM new_rows r));
    RETURN NULL;
END $$;

CREATE FUNCTION reservations_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_reservation_scopes(ARRAY(SELECT r::reservation FROM old_rows r UNION ALL SELECT r::reservation FROM new_rows r));
    RETURN NULL;
END $$;

CREATE FUNCTION reservations_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bump_reservation_scopes(ARRAY(SELECT r::reservation FROM old_rows r));
    RETURN NULL;
END $$;

-- a trigger with transition tables handles one kind of event, hence three
CREATE TRIGGER reservations_inserted_change_searches AFTER INSERT ON reservation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reservations_inserted();
CREATE TRIGGER reservations_updated_change_searches AFTER UPDATE ON reservation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION reservations_updated();
CREATE TRIGGER reservations_deleted_change_searches AFTER DELETE ON reservation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION reservations_deleted();
