-- A colleague of the same unit whom the municipality's admin names to take a VIDEO booking's call in place of the
-- employee it is assigned to (issue 22): a staff record's id, or null.
ALTER TABLE booking ADD COLUMN call_stand_in text;
