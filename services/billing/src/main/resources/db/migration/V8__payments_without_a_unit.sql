-- A driver paying a parking fee at the exit is a plate, not a household: an order and
-- (should the same fee be paid twice) the credit kept for refund may name no unit.
ALTER TABLE channel_order ALTER COLUMN unit_id DROP NOT NULL;
ALTER TABLE credit_entry ALTER COLUMN unit_id DROP NOT NULL;
