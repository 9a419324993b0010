-- A stand-in for a consumer's effect: one row per applied event; counting rows shows duplicates.
CREATE TABLE test_effect (
    event_id   uuid   NOT NULL,
    thing_id   uuid   NOT NULL,
    amount_fen bigint NOT NULL
);
