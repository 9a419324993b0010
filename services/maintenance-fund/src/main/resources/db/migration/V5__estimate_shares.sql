-- Rule F6: a final cost different from the estimate is apportioned again, and each unit is shown
-- the difference: its share of the estimate is kept beside its share now.
ALTER TABLE project_unit ADD COLUMN estimate_share_fen bigint;
UPDATE project_unit SET estimate_share_fen = share_fen;
ALTER TABLE project_unit ALTER COLUMN estimate_share_fen SET NOT NULL;
