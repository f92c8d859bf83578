-- How a change reached the platform (issue 20): ONLINE when the person made it, PHONE or COUNTER when a clerk made it
-- for them (the clerk is status_changed_by / decided_by). Empty for rows from before, and for the front desk's marks.
ALTER TABLE booking ADD COLUMN status_changed_via varchar(10);
ALTER TABLE transfer ADD COLUMN decided_via varchar(10);
