-- Annual budgets (年度预算): drafted by the operator with one amount per expense account, adopted
-- when the owners' assembly approves the resolution named with it (community.resolution-decided.v1,
-- matter ANNUAL_BUDGET). Budget against actual is read from the journal.
CREATE TABLE budget (
    id            uuid        PRIMARY KEY,
    community_id  uuid        NOT NULL REFERENCES community,
    year          integer     NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    resolution_id uuid        NOT NULL UNIQUE,
    status        text        NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED', 'REJECTED')),
    drafted_by    text        NOT NULL,
    drafted_at    timestamptz NOT NULL,
    decided_at    timestamptz,
    UNIQUE (community_id, year)
);

CREATE TABLE budget_line (
    budget_id       uuid   NOT NULL REFERENCES budget,
    expense_account text   NOT NULL,
    amount_fen      bigint NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (budget_id, expense_account)
);
