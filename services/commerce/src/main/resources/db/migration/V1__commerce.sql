-- Value-added commerce (增值服务): merchants and what they offer, residents' orders with their subsidy
-- and commission, the charges raised through billing and what billing settled of them, refunds,
-- merchant settlements (T+N) and subsidy claims to the street office.

-- What this service copies from community.state.
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL
);
CREATE INDEX community_operator ON community (operator_company_id);

CREATE TABLE merchant (
    id                    uuid PRIMARY KEY,
    community_id          uuid    NOT NULL,
    name                  text    NOT NULL,
    licence_number        text    NOT NULL CHECK (licence_number ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    settlement_bank       text    NOT NULL,
    settlement_account    text    NOT NULL,
    settlement_delay_days integer NOT NULL CHECK (settlement_delay_days BETWEEN 0 AND 30),
    login                 text,
    commission_bp         integer NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
    commission_fixed_fen  bigint  NOT NULL CHECK (commission_fixed_fen >= 0),
    community_share_bp    integer NOT NULL CHECK (community_share_bp BETWEEN 0 AND 10000),
    created_at            timestamptz NOT NULL,
    UNIQUE (community_id, licence_number)
);
CREATE INDEX merchant_login ON merchant (login) WHERE login IS NOT NULL;

CREATE TABLE offering (
    id                   uuid PRIMARY KEY,
    merchant_id          uuid    NOT NULL REFERENCES merchant,
    community_id         uuid    NOT NULL,
    kind                 text    NOT NULL CHECK (kind IN ('LOCKER_STORAGE', 'MEAL', 'ELDERLY_CARE', 'HOME_SERVICE', 'OTHER')),
    name                 text    NOT NULL,
    price_fen            bigint  NOT NULL CHECK (price_fen >= 0 AND price_fen <= 100000000),
    eligibility          text    NOT NULL CHECK (eligibility IN ('ANYONE', 'RESIDENTS', 'ELDERLY')),
    min_age              integer CHECK (min_age BETWEEN 50 AND 120),
    capacity_per_day     integer CHECK (capacity_per_day > 0),
    stock                integer CHECK (stock >= 0),
    opens_at             time    NOT NULL,
    closes_at            time    NOT NULL CHECK (closes_at > opens_at),
    free_hours           integer CHECK (free_hours >= 0),
    overdue_fen_per_day  bigint  CHECK (overdue_fen_per_day >= 0),
    overdue_cap_fen      bigint  CHECK (overdue_cap_fen >= 0),
    created_at           timestamptz NOT NULL,
    CHECK (eligibility <> 'ELDERLY' OR min_age IS NOT NULL),
    CHECK (kind <> 'LOCKER_STORAGE' OR (capacity_per_day IS NULL AND stock IS NOT NULL AND free_hours IS NOT NULL
                                         AND overdue_fen_per_day IS NOT NULL AND overdue_cap_fen IS NOT NULL))
);
CREATE INDEX offering_community ON offering (community_id);

-- Seats or sessions taken per service day: the conditional UPDATE of one row is what keeps concurrent orders from overselling.
CREATE TABLE offering_day (
    offering_id uuid    NOT NULL REFERENCES offering,
    day         date    NOT NULL,
    taken       integer NOT NULL CHECK (taken >= 0),
    PRIMARY KEY (offering_id, day)
);

-- Elderly residents whose birth date the operator's staff checked against their ID: what a subsidy needs.
CREATE TABLE elder (
    community_id uuid NOT NULL,
    login        text NOT NULL,
    name         text NOT NULL,
    birth_date   date NOT NULL,
    verified_by  text NOT NULL,
    verified_at  timestamptz NOT NULL,
    PRIMARY KEY (community_id, login)
);

CREATE SEQUENCE order_number;

CREATE TABLE customer_order (
    id                       uuid PRIMARY KEY,
    number                   text    NOT NULL UNIQUE,
    community_id             uuid    NOT NULL,
    merchant_id              uuid    NOT NULL REFERENCES merchant,
    offering_id              uuid    NOT NULL REFERENCES offering,
    kind                     text    NOT NULL,
    quantity                 integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    service_date             date    NOT NULL,
    placed_via               text    NOT NULL CHECK (placed_via IN ('RESIDENT', 'COUNTER', 'LOCKER')),
    buyer_login              text,
    buyer_name               text    NOT NULL,
    buyer_birth_date         date,
    age_verified_by          text,
    unit_price_fen           bigint  NOT NULL,
    gross_fen                bigint  NOT NULL CHECK (gross_fen >= 0),
    subsidy_fen              bigint  NOT NULL CHECK (subsidy_fen >= 0),
    payer_fen                bigint  NOT NULL CHECK (payer_fen >= 0),
    community_commission_fen bigint  NOT NULL CHECK (community_commission_fen >= 0),
    operator_commission_fen  bigint  NOT NULL CHECK (operator_commission_fen >= 0),
    merchant_fen             bigint  NOT NULL CHECK (merchant_fen >= 0),
    status                   text    NOT NULL CHECK (status IN ('STORED', 'PLACED', 'PAID', 'FULFILLED', 'CANCELLED')),
    refunded_fen             bigint  NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0 AND refunded_fen <= payer_fen),
    placed_by                text    NOT NULL,
    placed_at                timestamptz NOT NULL,
    pay_by                   timestamptz,
    paid_at                  timestamptz,
    fulfilled_at             timestamptz,
    cancelled_at             timestamptz,
    cancel_reason            text,
    stored_at                timestamptz,
    compartment              text,
    settlement_id            uuid,
    subsidy_claim_id         uuid,
    CHECK (gross_fen = subsidy_fen + payer_fen),
    CHECK (payer_fen = community_commission_fen + operator_commission_fen + merchant_fen)
);
CREATE INDEX order_community ON customer_order (community_id, placed_at DESC);
CREATE INDEX order_merchant_unsettled ON customer_order (merchant_id, paid_at) WHERE settlement_id IS NULL AND paid_at IS NOT NULL;
CREATE INDEX order_buyer ON customer_order (buyer_login, placed_at DESC) WHERE buyer_login IS NOT NULL;
CREATE INDEX order_unpaid ON customer_order (pay_by) WHERE status = 'PLACED';

-- The charges an order raised through billing, one per revenue class (DESIGN.md: commerce_commission,
-- commerce_operator_commission, merchant_proceeds), and what billing settled of each.
CREATE TABLE order_charge (
    id            uuid PRIMARY KEY,
    order_id      uuid   NOT NULL REFERENCES customer_order,
    revenue_class text   NOT NULL,
    amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
    settled_fen   bigint NOT NULL DEFAULT 0,
    cancelled_at  timestamptz,
    UNIQUE (order_id, revenue_class)
);

CREATE TABLE order_charge_settlement (
    settlement_id uuid PRIMARY KEY,
    charge_id     uuid   NOT NULL REFERENCES order_charge,
    amount_fen    bigint NOT NULL,
    settled_at    timestamptz NOT NULL
);

-- A settlement the bank took back: kept beside it (nothing is deleted), and refunded on the order.
CREATE TABLE order_charge_reversal (
    settlement_id uuid PRIMARY KEY REFERENCES order_charge_settlement,
    amount_fen    bigint NOT NULL,
    reversed_at   timestamptz NOT NULL
);

CREATE TABLE order_refund (
    id                       uuid PRIMARY KEY,
    order_id                 uuid   NOT NULL REFERENCES customer_order,
    amount_fen               bigint NOT NULL CHECK (amount_fen > 0),
    community_commission_fen bigint NOT NULL CHECK (community_commission_fen >= 0),
    operator_commission_fen  bigint NOT NULL CHECK (operator_commission_fen >= 0),
    merchant_fen             bigint NOT NULL CHECK (merchant_fen >= 0),
    reason                   text   NOT NULL,
    refunded_by              text   NOT NULL,
    refunded_at              timestamptz NOT NULL,
    settlement_id            uuid,
    CHECK (amount_fen = community_commission_fen + operator_commission_fen + merchant_fen)
);
CREATE INDEX refund_unsettled ON order_refund (order_id) WHERE settlement_id IS NULL;

CREATE SEQUENCE settlement_number;

-- A merchant's settlement statement (T+N): what it sold, refunded and owes in commission, and what is paid out.
CREATE TABLE merchant_settlement (
    id              uuid PRIMARY KEY,
    number          text    NOT NULL UNIQUE,
    community_id    uuid    NOT NULL,
    merchant_id     uuid    NOT NULL REFERENCES merchant,
    through_date    date    NOT NULL,
    orders          integer NOT NULL,
    refunds         integer NOT NULL,
    gross_fen       bigint  NOT NULL,
    subsidy_fen     bigint  NOT NULL,
    refunds_fen     bigint  NOT NULL,
    commission_fen  bigint  NOT NULL,
    net_fen         bigint  NOT NULL,
    carried_in_fen  bigint  NOT NULL CHECK (carried_in_fen <= 0),
    payout_fen      bigint  NOT NULL CHECK (payout_fen >= 0),
    carried_out_fen bigint  NOT NULL CHECK (carried_out_fen <= 0),
    issued_by       text    NOT NULL,
    issued_at       timestamptz NOT NULL,
    CHECK (net_fen = gross_fen - refunds_fen - commission_fen)
);
CREATE INDEX settlement_merchant ON merchant_settlement (merchant_id, issued_at DESC);

CREATE SEQUENCE claim_number;

-- A claim to the street office for the subsidies of served orders in a period, each order its evidence.
CREATE TABLE subsidy_claim (
    id           uuid PRIMARY KEY,
    number       text    NOT NULL UNIQUE,
    community_id uuid    NOT NULL,
    from_date    date    NOT NULL,
    through_date date    NOT NULL CHECK (through_date >= from_date),
    orders       integer NOT NULL,
    total_fen    bigint  NOT NULL,
    claimed_by   text    NOT NULL,
    claimed_at   timestamptz NOT NULL
);
CREATE INDEX claim_community ON subsidy_claim (community_id, claimed_at DESC);
