-- Postings arrive with their entry, in the same transaction, never added to an entry posted before
-- (V0_4 explains why this is a trigger and not a foreign key).
--
-- Repeatable (Flyway re-runs it whenever this file changes, after the versioned migrations): it replaces
-- V0_4's statement-level check, whose transition table and join cost a third of a single entry's
-- posting time (pgbench, one entry of two postings: 1,040 tps with it, 1,180 with this row check,
-- 1,215 with none; batches of 1,000 entries the same either way). A row check after the statement
-- sees the entries written by the same statement, as the WITH … INSERT of Journal.write needs.
DROP TRIGGER IF EXISTS journal_posting_with_entry ON journal_posting;

CREATE OR REPLACE FUNCTION journal_posting_row_with_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM journal_entry e
                   WHERE e.id = NEW.entry_id AND e.created_tx = pg_current_xact_id() AND e.ledger_id = NEW.ledger_id) THEN
        RAISE EXCEPTION 'postings may only be written with their entry, in its ledger' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER journal_posting_with_entry AFTER INSERT ON journal_posting
    FOR EACH ROW EXECUTE FUNCTION journal_posting_row_with_entry();

DROP FUNCTION IF EXISTS journal_posting_with_entry();
