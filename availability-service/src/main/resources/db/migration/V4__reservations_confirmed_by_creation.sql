-- booking-service reconciles confirmed reservations against its bookings by when they were taken (issue 17).
CREATE INDEX reservation_confirmed_created ON reservation (created_at) WHERE status = 'CONFIRMED';
