-- The outbox is shared technical code (transactional-outbox); each row names the topic it goes to.
ALTER TABLE outbox_event ADD COLUMN topic text NOT NULL DEFAULT 'booking-events';
ALTER TABLE outbox_event ALTER COLUMN topic DROP DEFAULT;
