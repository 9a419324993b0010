-- A billing run works in lanes, one per core: each lane bills its own share of the run's communities
-- (chosen by the community id, so a community added mid-run never moves lane) with its own cursor,
-- in its own transactions. The run keeps the totals every lane adds to in the same transaction.
CREATE TABLE billing_run_lane (
    run_id           uuid    NOT NULL REFERENCES billing_run,
    lane             integer NOT NULL CHECK (lane >= 0),
    cursor_community uuid,
    cursor_unit      uuid,
    finished         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (run_id, lane)
);
ALTER TABLE billing_run ADD COLUMN lanes integer NOT NULL DEFAULT 1 CHECK (lanes >= 1);
-- Runs started before lanes existed go on as one lane, from their cursor.
INSERT INTO billing_run_lane (run_id, lane, cursor_community, cursor_unit, finished)
SELECT id, 0, cursor_community, cursor_unit, status = 'DONE' FROM billing_run;
ALTER TABLE billing_run DROP COLUMN cursor_community, DROP COLUMN cursor_unit;
