-- Interest and other income credited to the sub-accounts pro rata to their daily balance (F2),
-- once per community and period: an allocation is a job (it may cover a million sub-accounts)
-- whose result is one journal entry and one movement per sub-account, or nothing at all.
CREATE TABLE interest_allocation (
    id             uuid        PRIMARY KEY,
    community_id   uuid        NOT NULL REFERENCES community,
    period_from    date        NOT NULL,
    period_to      date        NOT NULL CHECK (period_to >= period_from),
    amount_fen     bigint      CHECK (amount_fen > 0),          -- the bank's figure, or null when a rate is given
    rate_bp        integer     CHECK (rate_bp > 0),             -- annual rate in basis points (1.50% = 150)
    bank_reference text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    allocated_fen  bigint,
    sub_accounts   integer,
    detail         text,
    requested_by   text        NOT NULL,
    requested_at   timestamptz NOT NULL,
    finished_at    timestamptz,
    CHECK ((amount_fen IS NULL) <> (rate_bp IS NULL))
);
-- One allocation per period: a second request for it returns the first.
CREATE UNIQUE INDEX interest_allocation_period ON interest_allocation (community_id, period_from, period_to) WHERE status <> 'FAILED';
