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

-- A charge withdrawn (the unit demolished, F9): billing is told, and it no longer counts as open.
ALTER TABLE fund_charge ADD COLUMN cancelled_at timestamptz;
DROP INDEX fund_charge_one_open_top_up;
CREATE UNIQUE INDEX fund_charge_one_open_top_up ON fund_charge (unit_id) WHERE kind = 'TOP_UP' AND settled_fen < amount_fen AND cancelled_at IS NULL;
-- Refunded on demolition (F9): the sub-account takes nothing more.
ALTER TABLE sub_account ADD COLUMN closed_at timestamptz;

-- Interest writes a movement for every sub-account at once (a city's million): a foreign key
-- checked row by row made that 30 s of COPY. The service is the only writer of movements, always
-- with the journal entry they stand behind, and the sum of each unit's movements is checked against
-- its balance and the ledger's 2101 (tests, BooksBalanceAfterEachTest). The community is the unit's.
ALTER TABLE movement DROP CONSTRAINT movement_community_id_fkey;
ALTER TABLE movement DROP CONSTRAINT movement_unit_id_fkey;
-- Room on each page, so moving a balance is a HOT update that touches no index.
ALTER TABLE sub_account SET (fillfactor = 70);
