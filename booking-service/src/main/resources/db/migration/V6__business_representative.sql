-- A business's representative (role business-rep) books for the business: its tax number, from the token's
-- business_afm claim, is kept with the booking (the representative's own stays the owner's).
ALTER TABLE booking ADD COLUMN business_tax_id text;
