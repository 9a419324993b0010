-- Double-entry journal (platform/ledger). A ledger is one community's trust account or one
-- maintenance fund; each has a chart of accounts, an append-only log of entries (each with the
-- hash of the one before it and its own RFC 9162 leaf hash) and the months closed so far.
-- The database itself refuses what the code must never do: an unbalanced entry, a change to or
-- deletion of anything posted, postings added to an entry later, an entry in a closed month.

CREATE TABLE ledger_head (
    ledger_id uuid   PRIMARY KEY,
    size      bigint NOT NULL DEFAULT 0 CHECK (size >= 0),        -- entries posted so far
    last_hash bytea  NOT NULL CHECK (length(last_hash) = 32)      -- leaf hash of the last entry (zeros before the first)
);

CREATE TABLE ledger_account (
    ledger_id   uuid   NOT NULL REFERENCES ledger_head,
    code        text   NOT NULL,
    name        text   NOT NULL,
    type        text   NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    balance_fen bigint NOT NULL DEFAULT 0,                        -- debit positive; the sum of the account's postings
    PRIMARY KEY (ledger_id, code)
);

CREATE TABLE journal_entry (
    id               uuid   PRIMARY KEY,
    ledger_id        uuid   NOT NULL REFERENCES ledger_head,
    sequence         bigint NOT NULL CHECK (sequence >= 0),
    period           date   NOT NULL CHECK (extract(day FROM period) = 1),
    belongs_to       date   CHECK (belongs_to < period),
    posted_at_micros bigint NOT NULL,
    description      text   NOT NULL,
    source           text,
    reverses         uuid   UNIQUE,                               -- an entry is reversed at most once (existence: trigger below)
    prev_hash        bytea  NOT NULL CHECK (length(prev_hash) = 32),
    leaf_hash        bytea  NOT NULL CHECK (length(leaf_hash) = 32),
    created_tx       xid8   NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (ledger_id, sequence),
    UNIQUE (ledger_id, source)                                    -- what caused an entry posts once
);

CREATE TABLE journal_posting (
    entry_id     uuid    NOT NULL,                                -- its entry exists: trigger below
    line         integer NOT NULL CHECK (line >= 0),
    ledger_id    uuid    NOT NULL,
    account_code text    NOT NULL,
    amount_fen   bigint  NOT NULL CHECK (amount_fen <> 0),
    PRIMARY KEY (entry_id, line),
    FOREIGN KEY (ledger_id, account_code) REFERENCES ledger_account
);
CREATE INDEX journal_posting_account ON journal_posting (ledger_id, account_code);

CREATE TABLE ledger_period (
    ledger_id        uuid   NOT NULL REFERENCES ledger_head,
    period           date   NOT NULL CHECK (extract(day FROM period) = 1),
    tree_size        bigint NOT NULL,
    root_hash        bytea  NOT NULL CHECK (length(root_hash) = 32),
    closed_at_micros bigint NOT NULL,
    PRIMARY KEY (ledger_id, period)
);

-- Nothing posted is ever changed or removed: a correction is a reversing entry.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % on % is refused; correct an entry with a reversing entry', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER journal_posting_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON journal_posting
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_period_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_period
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- Every entry balances, with two postings or more, when its transaction commits.
CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    legs  bigint;
BEGIN
    SELECT coalesce(sum(amount_fen), 0), count(*) INTO total, legs FROM journal_posting WHERE entry_id = NEW.id;
    IF legs < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance: % postings summing to % fen', NEW.id, legs, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_entry_balances AFTER INSERT ON journal_entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced();

-- Postings arrive with their entry, in the same transaction, never added to an entry posted before.
-- (Checked here rather than by foreign keys to journal_entry: a foreign key check locks the row it
-- references, which needs the UPDATE privilege the service's role must not have.)
CREATE FUNCTION journal_posting_with_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_postings p LEFT JOIN journal_entry e ON e.id = p.entry_id
               WHERE e.id IS NULL OR e.created_tx <> pg_current_xact_id() OR e.ledger_id <> p.ledger_id) THEN
        RAISE EXCEPTION 'postings may only be written with their entry, in its ledger' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER journal_posting_with_entry AFTER INSERT ON journal_posting
    REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION journal_posting_with_entry();

-- A closed month takes no new entries; a late item posts in the open month with belongs_to.
-- A reversal reverses an entry of the same ledger.
CREATE FUNCTION journal_entry_open_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.reverses IS NOT NULL AND NOT EXISTS (SELECT 1 FROM journal_entry WHERE id = NEW.reverses AND ledger_id = NEW.ledger_id) THEN
        RAISE EXCEPTION 'entry % reverses %, which is not an entry of ledger %', NEW.id, NEW.reverses, NEW.ledger_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM ledger_period WHERE ledger_id = NEW.ledger_id AND period = NEW.period) THEN
        RAISE EXCEPTION 'period % of ledger % is closed: post in the open period, naming the month it belongs to',
            to_char(NEW.period, 'YYYY-MM'), NEW.ledger_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER journal_entry_open_period BEFORE INSERT ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_open_period();

-- The service's own role cannot change the journal either (a superuser still can: the verifier then names it).
REVOKE UPDATE, DELETE, TRUNCATE ON journal_entry, journal_posting, ledger_period FROM CURRENT_USER;
