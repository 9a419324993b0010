-- A counter payment entered by mistake (wrong unit, a bounced transfer) is undone by a reversal,
-- never by changing the payment: once per payment, with the reason and who did it.
CREATE TABLE payment_reversal (
    id          uuid PRIMARY KEY,
    payment_id  uuid NOT NULL UNIQUE REFERENCES payment,
    reason      text NOT NULL,
    reversed_at timestamptz NOT NULL,
    reversed_by text NOT NULL
);
CREATE TRIGGER payment_reversal_append_only BEFORE UPDATE OR DELETE ON payment_reversal FOR EACH ROW EXECUTE FUNCTION refuse_change();
