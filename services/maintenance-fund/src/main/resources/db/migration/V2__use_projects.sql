-- Use projects (F4–F7): what is repaired, for which units, by whom, for how much; the owners'
-- decision that allows it (a V3 resolution of exactly the affected owners, V7) or the emergency
-- confirmation (F7); each unit's share by exclusive area; the stages paid to the contractor.

CREATE TABLE project (
    id                 uuid        PRIMARY KEY,
    community_id       uuid        NOT NULL REFERENCES community,
    title              text        NOT NULL,
    category           text        NOT NULL,
    path               text        NOT NULL CHECK (path IN ('NORMAL', 'EMERGENCY')),
    status             text        NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REFUSED', 'COMPLETED')),
    estimate_fen       bigint      NOT NULL CHECK (estimate_fen > 0),
    final_cost_fen     bigint      CHECK (final_cost_fen > 0),
    contractor         text        NOT NULL,
    contractor_account text        NOT NULL,
    resolution_id      uuid,
    emergency_case     text,
    confirmed_by       text,
    confirmed_at       timestamptz,
    work_starts_by     date,
    status_note        text,
    proposed_by        text        NOT NULL,
    proposed_at        timestamptz NOT NULL
);
CREATE INDEX project_community ON project (community_id, id);
CREATE UNIQUE INDEX project_resolution ON project (resolution_id) WHERE resolution_id IS NOT NULL;

-- The affected units in the register's order (the order that breaks ties of the odd fen) and each one's share.
CREATE TABLE project_unit (
    project_id uuid    NOT NULL REFERENCES project,
    unit_id    uuid    NOT NULL REFERENCES sub_account,
    position   integer NOT NULL,
    area_centi bigint  NOT NULL CHECK (area_centi > 0),
    share_fen  bigint  NOT NULL CHECK (share_fen >= 0),
    PRIMARY KEY (project_id, unit_id),
    UNIQUE (project_id, position)
);

CREATE TABLE project_payment (
    id             uuid        PRIMARY KEY,
    project_id     uuid        NOT NULL REFERENCES project,
    stage          text        NOT NULL CHECK (stage IN ('ADVANCE', 'PROGRESS', 'COMPLETION', 'RETENTION')),
    amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
    bank_reference text        NOT NULL,
    paid_by        text        NOT NULL,
    paid_at        timestamptz NOT NULL
);
CREATE INDEX project_payment_of ON project_payment (project_id, paid_at);

-- The owners' decisions this fund may act on, as community.resolution-decided.v1 said them.
CREATE TABLE decided_resolution (
    id           uuid        PRIMARY KEY,
    community_id uuid        NOT NULL,
    title        text        NOT NULL,
    matter       text        NOT NULL,
    outcome      text        NOT NULL,
    scope        text        NOT NULL,
    scope_ids    uuid[]      NOT NULL,
    decided_at   timestamptz NOT NULL
);

-- A share of a project that the unit's sub-account could not cover is charged to its owner (F4).
ALTER TABLE fund_charge DROP CONSTRAINT fund_charge_kind_check;
ALTER TABLE fund_charge ADD CONSTRAINT fund_charge_kind_check CHECK (kind IN ('INITIAL_DEPOSIT', 'TOP_UP', 'SHORTFALL'));
ALTER TABLE fund_charge ADD COLUMN project_id uuid REFERENCES project;
CREATE UNIQUE INDEX fund_charge_one_shortfall ON fund_charge (project_id, unit_id) WHERE kind = 'SHORTFALL';
