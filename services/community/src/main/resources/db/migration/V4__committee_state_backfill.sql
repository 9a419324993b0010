-- Committees joined community.state (community.committee-state.v1): on the next start the service
-- publishes the state of every community, committee and unit once more.
UPDATE state_backfill SET done_at = NULL;
