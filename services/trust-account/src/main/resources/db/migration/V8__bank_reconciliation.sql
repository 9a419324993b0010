-- Bank reconciliation (银行对账): the co-managed account's statements as the bank printed them, one
-- row per line, never edited; a difference someone resolved carries the entry posted for it or a note.
CREATE TABLE bank_statement_import (
    id           uuid        PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    file_sha256  text        NOT NULL,
    imported_by  text        NOT NULL,
    imported_at  timestamptz NOT NULL
);

CREATE TABLE bank_line (
    id            uuid        PRIMARY KEY,
    community_id  uuid        NOT NULL REFERENCES community,
    import_id     uuid        NOT NULL REFERENCES bank_statement_import,
    position      bigint      NOT NULL,                      -- order in the account's history (date, then file order)
    value_date    date        NOT NULL,
    description   text        NOT NULL,
    amount_fen    bigint      NOT NULL CHECK (amount_fen <> 0), -- + into the account, − out
    balance_fen   bigint      NOT NULL,
    reference     text        NOT NULL,
    counterparty  text,
    resolution    text        CHECK (resolution IN ('POSTED', 'EXPLAINED')),
    entry_id      uuid,                                      -- the journal entry posted for it (no FK: the journal is the platform's)
    note          text,
    resolved_by   text,
    resolved_by_name text,
    resolved_at   timestamptz,
    UNIQUE (community_id, reference),
    UNIQUE (community_id, position),
    UNIQUE (community_id, entry_id),
    CHECK ((resolution = 'POSTED') = (entry_id IS NOT NULL)),
    CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
CREATE INDEX bank_line_date ON bank_line (community_id, value_date, position);

-- A note on an entry of the bank account that the bank has not shown yet ("paid in on Monday").
CREATE TABLE bank_entry_note (
    community_id uuid        NOT NULL REFERENCES community,
    entry_id     uuid        NOT NULL,
    note         text        NOT NULL,
    noted_by     text        NOT NULL,
    noted_by_name text,
    noted_at     timestamptz NOT NULL,
    PRIMARY KEY (community_id, entry_id)
);
