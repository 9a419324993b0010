-- A settlement billing undid (a bounced transfer, a channel reversal): kept beside the settlement,
-- once per settlement, so a day's revenue is what was settled less what was reversed that day.
CREATE TABLE parking_settlement_reversal (
    settlement_id uuid PRIMARY KEY REFERENCES parking_settlement,
    reversal_id   uuid   NOT NULL,
    amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
    reason        text   NOT NULL,
    reversed_at   timestamptz NOT NULL
);
CREATE INDEX parking_settlement_reversal_day ON parking_settlement_reversal (reversed_at);
