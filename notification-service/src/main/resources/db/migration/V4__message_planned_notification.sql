-- Dispatchers sleep until the earliest pending message falls due. A new message, whoever wrote it (this instance's
-- planner, another instance's, an operator by hand), wakes them all through this notification: no poll every second.
-- Per statement, and PostgreSQL folds a transaction's identical notifications into one.
CREATE FUNCTION notify_message_planned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('message_planned', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER message_planned AFTER INSERT ON message FOR EACH STATEMENT EXECUTE FUNCTION notify_message_planned();
