-- Space leasing (闲置空间出租): leasable spaces, leases and their rent schedules, the charges raised
-- through billing and what billing settled of them, deposits, documents.

-- What this service copies from community.state and community.events.
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL
);
CREATE INDEX community_operator ON community (operator_company_id);

-- The owners' decided resolutions (community.resolution-decided.v1): L5 needs an approved V2 one.
CREATE TABLE resolution (
    id           uuid PRIMARY KEY,
    community_id uuid NOT NULL,
    title        text NOT NULL,
    matter       text NOT NULL,
    threshold    text NOT NULL,
    outcome      text NOT NULL,
    decided_at   timestamptz NOT NULL
);

CREATE TABLE space (
    id                       uuid PRIMARY KEY,
    community_id             uuid   NOT NULL,
    code                     text   NOT NULL,
    name                     text   NOT NULL,
    kind                     text   NOT NULL CHECK (kind IN ('IDLE_ROOM', 'SHOP', 'ANCILLARY_ROOM', 'CIVIL_DEFENCE', 'AD_SPOT', 'ROOF_WALL')),
    ownership                text   NOT NULL CHECK (ownership IN ('COMMON_PART', 'GOVERNMENT', 'OPERATOR_FRANCHISE', 'PRIVATE')),
    area_centi_m2            bigint NOT NULL CHECK (area_centi_m2 > 0),
    franchise_reference      text,
    civil_defence_approval   text,
    civil_defence_expires_on date,
    condition                text,
    photo_sha256             text[] NOT NULL DEFAULT '{}',
    created_at               timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, code),
    CHECK (kind <> 'CIVIL_DEFENCE' OR (civil_defence_approval IS NOT NULL AND civil_defence_expires_on IS NOT NULL)),
    CHECK (ownership <> 'OPERATOR_FRANCHISE' OR franchise_reference IS NOT NULL)
);

-- Lease numbers per community and year: ZL-2026-0001, …
CREATE TABLE lease_number (
    community_id uuid    NOT NULL,
    year         integer NOT NULL,
    last         integer NOT NULL,
    PRIMARY KEY (community_id, year)
);

CREATE TABLE lease (
    id                     uuid PRIMARY KEY,
    community_id           uuid    NOT NULL,
    number                 text    NOT NULL,
    tenant_kind            text    NOT NULL CHECK (tenant_kind IN ('PERSON', 'BUSINESS')),
    tenant_name            text    NOT NULL,
    tenant_licence         text,
    tenant_phone           text,
    tenant_login           text,
    purpose                text    NOT NULL,
    start_on               date    NOT NULL,
    end_on                 date    NOT NULL,
    cut_by_l1              boolean NOT NULL,
    indefinite_term        boolean NOT NULL,
    written_contract       boolean NOT NULL,
    contract_sha256        text,
    monthly_rent_fen       bigint  NOT NULL CHECK (monthly_rent_fen > 0),
    escalation_bp          integer NOT NULL,
    rent_free_months       integer NOT NULL,
    billing_cycle_months   integer NOT NULL CHECK (billing_cycle_months IN (1, 3, 6, 12)),
    deposit_fen            bigint  NOT NULL CHECK (deposit_fen >= 0),
    late_fee_bp_per_day    integer NOT NULL,
    late_fee_cap_percent   integer NOT NULL,
    penalty_months         integer NOT NULL,
    revenue_class          text    NOT NULL,
    resolution_id          uuid,
    franchise_reference    text,
    renews_lease_id        uuid REFERENCES lease,
    status                 text    NOT NULL CHECK (status IN ('AWAITING_VOTE', 'ACTIVE', 'ENDED', 'VOID')),
    ended_on               date,
    end_reason             text,
    created_by             text    NOT NULL,
    created_at             timestamptz NOT NULL,
    UNIQUE (community_id, number),
    CHECK (end_on >= start_on),
    CHECK (end_on < start_on + interval '20 years'),           -- L1
    CHECK (NOT written_contract OR contract_sha256 ~ '^[0-9a-f]{64}$')  -- L2
);
CREATE INDEX lease_community ON lease (community_id, status);
CREATE INDEX lease_tenant_login ON lease (tenant_login) WHERE tenant_login IS NOT NULL;
CREATE INDEX lease_awaiting_vote ON lease (resolution_id) WHERE status = 'AWAITING_VOTE';

CREATE TABLE lease_space (
    lease_id uuid NOT NULL REFERENCES lease,
    space_id uuid NOT NULL REFERENCES space,
    PRIMARY KEY (lease_id, space_id)
);
CREATE INDEX lease_space_space ON lease_space (space_id);

-- The rent schedule by billing cycle, and the charge raised for each (null until raised; 0-fen rent-free cycles are never raised).
CREATE TABLE rent_period (
    lease_id     uuid    NOT NULL REFERENCES lease,
    seq          integer NOT NULL,
    period_start date    NOT NULL,
    period_end   date    NOT NULL,
    due_on       date    NOT NULL,
    amount_fen   bigint  NOT NULL CHECK (amount_fen >= 0),
    charge_id    uuid,
    PRIMARY KEY (lease_id, seq)
);
CREATE INDEX rent_period_to_raise ON rent_period (due_on) WHERE charge_id IS NULL AND amount_fen > 0;

-- Every charge raised through billing (leasing.charge-raised.v1) and what billing settled of it.
CREATE TABLE lease_charge (
    id                 uuid PRIMARY KEY,
    lease_id           uuid   NOT NULL REFERENCES lease,
    community_id       uuid   NOT NULL,
    kind               text   NOT NULL CHECK (kind IN ('RENT', 'DEPOSIT', 'LATE_FEE', 'PENALTY')),
    revenue_class      text   NOT NULL,
    amount_fen         bigint NOT NULL CHECK (amount_fen > 0),
    period_start       date,
    period_end         date,
    due_on             date   NOT NULL,
    description        text   NOT NULL,
    raised_at          timestamptz NOT NULL,
    settled_fen        bigint NOT NULL DEFAULT 0,
    paid_at            timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      text,
    replaces_charge_id uuid
);
CREATE INDEX lease_charge_lease ON lease_charge (lease_id);

CREATE TABLE lease_settlement (
    settlement_id uuid PRIMARY KEY,
    charge_id     uuid   NOT NULL REFERENCES lease_charge,
    amount_fen    bigint NOT NULL,
    settled_at    timestamptz NOT NULL
);

CREATE TABLE lease_settlement_reversal (
    settlement_id uuid PRIMARY KEY REFERENCES lease_settlement,
    reversal_id   uuid   NOT NULL,
    amount_fen    bigint NOT NULL,
    reason        text   NOT NULL,
    reversed_at   timestamptz NOT NULL
);

-- How a lease ended and its deposit statement (L3).
CREATE TABLE lease_end (
    lease_id        uuid PRIMARY KEY REFERENCES lease,
    last_day        date   NOT NULL,
    ending          text   NOT NULL,
    reason          text   NOT NULL,
    penalty_fen     bigint NOT NULL,
    deposit_held_fen bigint NOT NULL,
    applied_fen     bigint NOT NULL,
    refund_due_fen  bigint NOT NULL,
    carried_fen     bigint NOT NULL,
    applied         jsonb  NOT NULL,
    recorded_by     text   NOT NULL,
    recorded_at     timestamptz NOT NULL
);

-- The signed contract and attachments (L2), kept with their SHA-256.
CREATE TABLE lease_document (
    id          uuid PRIMARY KEY,
    lease_id    uuid    NOT NULL REFERENCES lease,
    kind        text    NOT NULL CHECK (kind IN ('CONTRACT', 'ATTACHMENT')),
    file_name   text    NOT NULL,
    media_type  text    NOT NULL,
    sha256      text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  integer NOT NULL,
    content     bytea   NOT NULL,
    uploaded_by text    NOT NULL,
    uploaded_at timestamptz NOT NULL,
    UNIQUE (lease_id, sha256)
);
