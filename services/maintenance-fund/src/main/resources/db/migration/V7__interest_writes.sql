-- Interest moves every balance of a community at once (rule F2). At fillfactor 70 a page keeps 30 %
-- free, room for the new versions of fewer than half of its rows: the rest moved to other pages and
-- each such update also wrote both indexes (measured: 2.8 WAL records and 410 bytes of WAL per
-- sub-account, against 1 record and 175 bytes when every new version fits on its own page). A row is
-- about 100 bytes, so a page at 45 % has room for a second version of every row on it: the update is
-- HOT (no index touched), and the old versions are pruned when the page is next read. The table is
-- rewritten once so the pages already there get that room too.
ALTER TABLE sub_account SET (fillfactor = 45);
CLUSTER sub_account USING sub_account_pkey;

-- A movement is only ever looked up by its unit (statements, balance-days, a project's payments),
-- in id order. One index serves that and identity: (unit_id, id) as the key, instead of a key on
-- id and a second index on (unit_id, id), each of which every one of interest's million movements
-- paid for.
ALTER TABLE movement DROP CONSTRAINT movement_pkey;
DROP INDEX movement_unit;
ALTER TABLE movement ADD PRIMARY KEY (unit_id, id);

-- Interest weighs each balance from the kept balance and only the movements dated from the period's
-- first day on (JdbcSubAccounts.balanceDays): those are found through a BRIN index, a few pages of
-- summaries whose upkeep on insert did not show in the million-movement measurement, rather than by
-- reading every movement of every year each quarter. Movements are appended in about the order of
-- their value dates, which is what BRIN needs.
CREATE INDEX movement_value_date ON movement USING brin (value_date);
