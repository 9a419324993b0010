-- Interest a city's (or a district's) fund account earned, allocated over every sub-account of the
-- region's communities pro rata to balance-days (F2: "a community or a whole city"): one job, one
-- split over all of them, one journal entry in each community's books. Each community's share is
-- also an interest_allocation row of that community, so a period is allocated once per community
-- whichever way it was asked.
CREATE TABLE region_interest_allocation (
    id              uuid        PRIMARY KEY,
    division_prefix text        NOT NULL CHECK (division_prefix ~ '^[0-9]{2,6}$'),
    period_from     date        NOT NULL,
    period_to       date        NOT NULL CHECK (period_to >= period_from),
    amount_fen      bigint      CHECK (amount_fen > 0),
    rate_bp         integer     CHECK (rate_bp > 0),
    bank_reference  text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    allocated_fen   bigint,
    communities     integer,
    sub_accounts    integer,
    detail          text,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    finished_at     timestamptz,
    CHECK ((amount_fen IS NULL) <> (rate_bp IS NULL))
);
CREATE UNIQUE INDEX region_interest_allocation_period ON region_interest_allocation (division_prefix, period_from, period_to)
    WHERE status <> 'FAILED';
ALTER TABLE interest_allocation ADD COLUMN region_allocation_id uuid REFERENCES region_interest_allocation;
