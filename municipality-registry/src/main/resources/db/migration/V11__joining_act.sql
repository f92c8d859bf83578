-- Art.6§3-4 of seed 004: a municipality joins by an act of the Secretary General (its number and date, recorded with
-- the approval) and is then announced to citizens; when it joined, and by which act, is kept on the municipality.
ALTER TABLE onboarding_request ADD COLUMN act_number text;
ALTER TABLE onboarding_request ADD COLUMN act_date date;
ALTER TABLE municipality ADD COLUMN joined_at timestamptz;
ALTER TABLE municipality ADD COLUMN joining_act_number text;
ALTER TABLE municipality ADD COLUMN joining_act_date date;
