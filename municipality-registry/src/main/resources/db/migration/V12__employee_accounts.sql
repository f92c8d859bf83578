-- An employee's sign-in account (issue 21 item 2): linked by their tax number in the employees' realm, with the roles
-- their municipality granted them; none for staff recorded without a tax number.
ALTER TABLE employee ADD COLUMN tax_id text;
ALTER TABLE employee ADD COLUMN email text;
ALTER TABLE employee ADD COLUMN roles text[] NOT NULL DEFAULT '{}';
ALTER TABLE employee ADD COLUMN account_id text;
