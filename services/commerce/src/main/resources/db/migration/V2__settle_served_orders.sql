-- A merchant is settled for the orders it served (or that were paid and then cancelled), not for those
-- paid and not yet served: the settlement finds them by this index.
CREATE INDEX order_merchant_settleable ON customer_order (merchant_id) WHERE settlement_id IS NULL AND paid_at IS NOT NULL
    AND status IN ('FULFILLED', 'CANCELLED');
