-- The day money actually moved for an entry of the bank account (a transfer's value date, a
-- payment's settlement time), which can be earlier than when it was posted: bank reconciliation
-- pairs bank lines by this day. Not part of the hashed entry; written with it, never changed.
CREATE TABLE entry_value_date (
    entry_id     uuid PRIMARY KEY,
    community_id uuid NOT NULL REFERENCES community,
    value_date   date NOT NULL
);
