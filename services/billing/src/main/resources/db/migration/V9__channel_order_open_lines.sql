-- An open channel order is found by any line it pays (a commerce order pays several charges in one):
-- line_ids @> ARRAY[line], on the unpaid orders only.
CREATE INDEX channel_order_open_lines ON channel_order USING gin (line_ids) WHERE paid_payment_id IS NULL;
