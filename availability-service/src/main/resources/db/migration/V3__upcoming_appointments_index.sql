-- The conflict check of schedule changes (AV-7) reads a municipality's upcoming booked appointments, never its history.
CREATE INDEX reservation_municipality_upcoming ON reservation (municipality_code, starts_at) WHERE status = 'CONFIRMED';
