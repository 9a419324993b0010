-- Revenue and charges are kept for every class a franchise may count, covered or not yet: an agreement is often
-- recorded after its term began, and its review must still count what was settled (and check what was charged)
-- from the term's first day. Which agreement a line belongs to is the coverage's answer at review time.
ALTER TABLE revenue_line DROP COLUMN agreement_id;
CREATE INDEX revenue_line_scope ON revenue_line (community_id, revenue_class, year);

ALTER TABLE observed_charge ALTER COLUMN agreement_id DROP NOT NULL;
CREATE INDEX observed_charge_scope ON observed_charge (community_id, revenue_class);
