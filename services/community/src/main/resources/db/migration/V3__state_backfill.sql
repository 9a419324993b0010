-- community.state (the log-compacted register other services copy) started after units existed:
-- on its next start the service publishes the state of every community and unit once.
CREATE TABLE state_backfill (
    id     boolean PRIMARY KEY DEFAULT TRUE CHECK (id),
    done_at timestamptz
);
INSERT INTO state_backfill (id) VALUES (TRUE);
