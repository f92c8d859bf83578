-- An emergency closure booking-service put in force (issue 21 item 4) carries its id, so that asking again after a
-- lost answer finds the same closure instead of adding a second one.
ALTER TABLE schedule_exception ADD COLUMN closure_id uuid UNIQUE;
