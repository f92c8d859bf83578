-- The video call behind a VIDEO booking (issue 22, VC-1, VC-2): each participant enters by a link of their own (the
-- applicant's, an invited third person's, an interpreter's), kept here by its unguessable token; and the outcome of the
-- identity check on camera (seed 004 Art.3§1) — whether the documents were shown, never an image.
ALTER TABLE booking ADD COLUMN video_token text UNIQUE,
                    ADD COLUMN third_party_video_token text UNIQUE,
                    ADD COLUMN interpreter_video_token text UNIQUE,
                    ADD COLUMN identity_checked_at timestamptz,
                    ADD COLUMN identity_checked_by text,
                    ADD COLUMN identity_document_shown boolean,
                    ADD COLUMN authorisation_shown boolean;
UPDATE booking SET video_token = substring(video_link from '[^/]+$') WHERE video_link IS NOT NULL;
