-- The gate path looks a plate up in its lot at every read (a late entry, a second read after
-- paying): indexed by lot and plate for every status, not only for the cars inside.
CREATE INDEX session_lot_plate ON session (lot_id, plate, exited_at);
