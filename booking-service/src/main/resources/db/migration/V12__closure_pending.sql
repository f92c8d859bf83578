-- A closure is recorded before availability puts it in force; until availability has answered, it has no exception.
ALTER TABLE closure ALTER COLUMN availability_exception_id DROP NOT NULL;
