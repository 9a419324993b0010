-- Fee collection. Money in fen (bigint), areas in 0.01 m², dates in the community's zone.

-- The register, copied from community.state (DESIGN.md, State other services copy).
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL
);
CREATE INDEX community_operator ON community (operator_company_id);

CREATE TABLE unit (
    id                uuid PRIMARY KEY,
    community_id      uuid   NOT NULL,
    building_name     text   NOT NULL,
    number            text   NOT NULL,
    floor             integer,
    area_centi        bigint NOT NULL CHECK (area_centi > 0),
    use               text   NOT NULL,
    owner_id          uuid   NOT NULL,
    owner_name        text,
    owner_user_ids    text[] NOT NULL DEFAULT '{}',
    resident_user_ids text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX unit_community ON unit (community_id, id);
CREATE INDEX unit_owner_users ON unit USING gin (owner_user_ids);
CREATE INDEX unit_resident_users ON unit USING gin (resident_user_ids);

-- Fee plans (rule P1): one per community, prices per unit use with effective dates.
CREATE TABLE fee_plan (
    community_id           uuid PRIMARY KEY,
    name                   text    NOT NULL,
    cycle                  text    NOT NULL CHECK (cycle IN ('MONTHLY', 'QUARTERLY', 'YEARLY')),
    due_days               integer NOT NULL CHECK (due_days BETWEEN 0 AND 90),
    late_fee_bp_per_day    integer NOT NULL CHECK (late_fee_bp_per_day BETWEEN 0 AND 100),
    late_fee_cap_bp        integer NOT NULL CHECK (late_fee_cap_bp BETWEEN 0 AND 3000),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             text    NOT NULL
);
CREATE TABLE fee_price (
    community_id      uuid   NOT NULL REFERENCES fee_plan,
    use               text   NOT NULL,
    effective_from    date   NOT NULL,
    fen_per_m2_month  bigint NOT NULL CHECK (fen_per_m2_month BETWEEN 0 AND 100000),
    PRIMARY KEY (community_id, use, effective_from)
);

-- Billing runs: one period's property-fee invoices for a community or a company, resumable.
CREATE TABLE billing_run (
    id            uuid PRIMARY KEY,
    scope_key     text    NOT NULL,   -- 'community:<id>' or 'company:<id>'
    period_first  date    NOT NULL,   -- first day of the first month; each community bills its plan's cycle from it
    status        text    NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    total_units   integer NOT NULL,
    done_units    integer NOT NULL DEFAULT 0,
    issued        integer NOT NULL DEFAULT 0,
    already_billed integer NOT NULL DEFAULT 0,
    no_price      integer NOT NULL DEFAULT 0,
    issued_fen    bigint  NOT NULL DEFAULT 0,
    cursor_community uuid,
    cursor_unit   uuid,
    started_at    timestamptz NOT NULL DEFAULT now(),
    progressed_at timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    started_by    text    NOT NULL,
    error         text,
    UNIQUE (scope_key, period_first)
);

CREATE SEQUENCE invoice_number;

CREATE TABLE invoice (
    id              uuid PRIMARY KEY,
    community_id    uuid   NOT NULL,
    number          text   NOT NULL UNIQUE,
    payer_kind      text   NOT NULL CHECK (payer_kind IN ('unit', 'plate', 'tenant', 'customer')),
    payer_unit_id   uuid,
    payer_reference text   NOT NULL,
    payer_name      text,
    period_start    date,
    period_end      date,
    issued_on       date   NOT NULL,
    due_on          date   NOT NULL,
    total_fen       bigint NOT NULL CHECK (total_fen > 0),
    billing_run_id  uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (payer_kind <> 'unit' OR payer_unit_id IS NOT NULL)
);
CREATE INDEX invoice_community ON invoice (community_id, issued_on);
CREATE INDEX invoice_unit ON invoice (payer_unit_id, due_on);

-- A unit's month of property fees is billed once: a rerun, a resumed run or a prepayment never bills
-- it twice (a quarterly invoice holds 3 months).
CREATE TABLE billed_month (
    unit_id    uuid NOT NULL,
    month      date NOT NULL,
    invoice_id uuid NOT NULL REFERENCES invoice,
    PRIMARY KEY (unit_id, month)
);

CREATE TABLE invoice_line (
    id                 uuid PRIMARY KEY,
    invoice_id         uuid   NOT NULL REFERENCES invoice,
    community_id       uuid   NOT NULL,
    payer_unit_id      uuid,
    charge_id          uuid   NOT NULL UNIQUE,   -- exactly one line per charge, however often it is delivered
    revenue_class      text   NOT NULL,
    base_revenue_class text,
    amount_fen         bigint NOT NULL CHECK (amount_fen > 0),
    paid_fen           bigint NOT NULL DEFAULT 0,
    due_on             date   NOT NULL,
    description        text   NOT NULL,
    source_reference   text,
    cancelled_at       timestamptz,
    cancel_reason      text,
    CHECK (paid_fen BETWEEN 0 AND amount_fen)
);
CREATE INDEX invoice_line_open ON invoice_line (payer_unit_id, due_on, id) WHERE paid_fen < amount_fen AND cancelled_at IS NULL;
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id);

-- Charges whose payer billing does not know (yet): held and listed, never dropped.
CREATE TABLE held_charge (
    charge_id    uuid PRIMARY KEY,
    community_id uuid NOT NULL,
    source_type  text NOT NULL,
    payload      text NOT NULL,
    reason       text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    released_at  timestamptz
);
CREATE TABLE cancelled_charge (
    charge_id    uuid PRIMARY KEY,
    reason       text NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now()
);

-- Money received. (channel, channel_transaction_id) is unique: a channel's resend settles nothing twice.
CREATE TABLE payment (
    id                     uuid PRIMARY KEY,
    community_id           uuid   NOT NULL,
    payer_unit_id          uuid,
    channel                text   NOT NULL CHECK (channel IN ('CASH', 'CARD', 'BANK_TRANSFER', 'WECHAT_PAY', 'ALIPAY', 'CREDIT')),
    amount_fen             bigint NOT NULL CHECK (amount_fen > 0),
    channel_transaction_id text,
    received_at            timestamptz NOT NULL,
    recorded_by            text   NOT NULL,
    note                   text,
    UNIQUE (channel, channel_transaction_id)
);
CREATE INDEX payment_community ON payment (community_id, received_at);

-- Append-only: what each payment applied to each line.
CREATE TABLE settlement (
    id          uuid PRIMARY KEY,
    payment_id  uuid   NOT NULL REFERENCES payment,
    line_id     uuid   NOT NULL REFERENCES invoice_line,
    amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
    settled_at  timestamptz NOT NULL
);
CREATE INDEX settlement_payment ON settlement (payment_id);
CREATE INDEX settlement_line ON settlement (line_id);

-- A unit's credit balance is the sum of its entries: overpayments in, applications and refunds out.
CREATE TABLE credit_entry (
    id           uuid PRIMARY KEY,
    community_id uuid   NOT NULL,
    unit_id      uuid   NOT NULL,
    amount_fen   bigint NOT NULL CHECK (amount_fen <> 0),
    payment_id   uuid,
    reason       text   NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_entry_unit ON credit_entry (unit_id, created_at);

CREATE TABLE refund (
    id           uuid PRIMARY KEY,
    community_id uuid   NOT NULL,
    unit_id      uuid   NOT NULL,
    amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
    channel      text   NOT NULL,
    reason       text   NOT NULL,
    issued_at    timestamptz NOT NULL,
    issued_by    text   NOT NULL
);

CREATE OR REPLACE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: record a reversal instead', TG_TABLE_NAME;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER settlement_append_only BEFORE UPDATE OR DELETE ON settlement FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER credit_entry_append_only BEFORE UPDATE OR DELETE ON credit_entry FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER payment_append_only BEFORE UPDATE OR DELETE ON payment FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Payment-channel orders: one invoice may get several (WeChat Pay abandoned, then Alipay).
CREATE TABLE channel_order (
    id             uuid PRIMARY KEY,
    out_trade_no   text   NOT NULL UNIQUE,
    channel        text   NOT NULL CHECK (channel IN ('WECHAT_PAY', 'ALIPAY')),
    community_id   uuid   NOT NULL,
    unit_id        uuid   NOT NULL,
    amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
    line_ids       uuid[] NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text   NOT NULL,
    expires_at     timestamptz NOT NULL,
    paid_payment_id uuid
);

-- Every notification a channel sent, verified or not, kept with its raw body for review and audit.
CREATE TABLE channel_notification (
    id              uuid PRIMARY KEY,
    channel         text NOT NULL,
    notification_id text,
    out_trade_no    text,
    transaction_id  text,
    reported_fen    bigint,
    outcome         text NOT NULL CHECK (outcome IN ('SETTLED', 'DUPLICATE', 'AMOUNT_MISMATCH', 'UNKNOWN_ORDER', 'REJECTED', 'IGNORED')),
    detail          text,
    raw             text NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_notification_review ON channel_notification (received_at) WHERE outcome IN ('AMOUNT_MISMATCH', 'UNKNOWN_ORDER');
