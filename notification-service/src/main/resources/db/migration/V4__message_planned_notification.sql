-- Dispatchers sleep until the earliest pending message falls due. A new message, whoever wrote it (this instance's
-- planner, another instance's, an operator by hand), wakes them all through this notification: no poll every second.
-- So does a message made pending again or due sooner (an operator's resend of a FAILED one, docs/operations.md); a
-- dispatcher's own retries only move messages later, and it reads those itself. PostgreSQL folds a transaction's
-- identical notifications into one.
CREATE FUNCTION notify_message_planned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('message_planned', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER message_planned AFTER INSERT ON message FOR EACH STATEMENT EXECUTE FUNCTION notify_message_planned();

CREATE TRIGGER message_due_sooner AFTER UPDATE OF status, next_attempt_at ON message FOR EACH ROW
    WHEN (NEW.status = 'PENDING' AND (OLD.status <> 'PENDING' OR NEW.next_attempt_at < OLD.next_attempt_at))
    EXECUTE FUNCTION notify_message_planned();
