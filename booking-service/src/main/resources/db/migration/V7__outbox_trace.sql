-- The W3C trace context of the request that wrote the event: the relay sends it with the event, so the consumers'
-- work continues that request's trace (the relay itself runs outside any request).
ALTER TABLE outbox_event ADD COLUMN traceparent text;
