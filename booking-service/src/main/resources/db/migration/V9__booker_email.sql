-- Who booked for another person (seed 004 Art.2§2) receives a copy of the notices: their address from the sign-in.
-- Personal data like the person's own: cleared when the booking is anonymised.
ALTER TABLE booking ADD COLUMN booker_email text;
