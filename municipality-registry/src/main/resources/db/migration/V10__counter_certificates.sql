-- Certificates issued at a registry counter by a clerk with the duty, for the person in front of them: the clerk
-- and the municipality are kept beside the certificate (online ones have neither).
ALTER TABLE certificate ADD COLUMN issued_by text;
ALTER TABLE certificate ADD COLUMN issued_at_municipality text;
ALTER TABLE certificate ADD CONSTRAINT certificate_issued_at_counter CHECK ((issued_by IS NULL) = (issued_at_municipality IS NULL));
