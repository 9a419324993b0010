-- Retrofits paid by several sources (F10, V9): a lift added to an old building is paid by a
-- government subsidy, the fund and the owners' own contributions split by floor coefficients.
ALTER TABLE project ADD COLUMN subsidy_fen bigint CHECK (subsidy_fen >= 0);
ALTER TABLE project ADD COLUMN floor_coefficients text;          -- the agreed table as JSON, {"1":0,"2":40,…}
-- Each unit's weight in the split (its area; for a retrofit its floor coefficient × area) and, for
-- a retrofit, the fund's part and the owner's contribution within its share.
ALTER TABLE project_unit ADD COLUMN weight bigint;
ALTER TABLE project_unit ADD COLUMN contribution_fen bigint NOT NULL DEFAULT 0 CHECK (contribution_fen >= 0);
ALTER TABLE project_unit ADD COLUMN coefficient integer;
UPDATE project_unit SET weight = area_centi WHERE weight IS NULL;
ALTER TABLE project_unit ALTER COLUMN weight SET NOT NULL;
ALTER TABLE project_unit ADD CONSTRAINT project_unit_weight_check CHECK (weight >= 0);

ALTER TABLE fund_charge DROP CONSTRAINT fund_charge_kind_check;
ALTER TABLE fund_charge ADD CONSTRAINT fund_charge_kind_check CHECK (kind IN ('INITIAL_DEPOSIT', 'TOP_UP', 'SHORTFALL', 'CONTRIBUTION'));
CREATE UNIQUE INDEX fund_charge_one_contribution ON fund_charge (project_id, unit_id) WHERE kind = 'CONTRIBUTION';

-- Not read by any query: community-wide figures come from the sub-accounts. Interest writes a
-- million movements at once, and every index is paid for on each.
DROP INDEX movement_community;
