-- The housing maintenance fund (住宅专项维修资金). Each community's fund is a ledger of
-- platform/ledger (V0_4; the ledger id is the community's): the bank account it is held in (1002)
-- and what it owes the owners (2101, the control account). Behind 2101, one sub-account per unit
-- (分户账, rule F2) with every movement: the sum of the sub-accounts is always 2101's balance.

-- What this service copies from community.state.
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL,
    -- when the operator started demanding initial deposits: units registered later are billed at once
    demands_since       timestamptz
);

CREATE TABLE unit (
    id                uuid PRIMARY KEY,
    community_id      uuid    NOT NULL,           -- its community's state may come after it (another partition)
    building_id       uuid    NOT NULL,
    building_name     text    NOT NULL,
    number            text    NOT NULL,
    floor             integer,
    area_centi        bigint  NOT NULL CHECK (area_centi > 0),
    owner_id          uuid    NOT NULL,
    owner_name        text,
    owner_user_ids    text[]  NOT NULL,
    resident_user_ids text[]  NOT NULL
);
CREATE INDEX unit_community ON unit (community_id, building_name, number);
CREATE INDEX unit_owner_users ON unit USING gin (owner_user_ids);

-- One per unit (F2). The balance is never below zero: a share the sub-account cannot cover is
-- charged to the owner instead (F4), never overdrawn.
CREATE TABLE sub_account (
    unit_id             uuid        PRIMARY KEY REFERENCES unit,
    community_id        uuid        NOT NULL REFERENCES community,
    initial_deposit_fen bigint      NOT NULL CHECK (initial_deposit_fen >= 0),
    balance_fen         bigint      NOT NULL DEFAULT 0 CHECK (balance_fen >= 0),
    deposit_state       text        NOT NULL DEFAULT 'DUE' CHECK (deposit_state IN ('DUE', 'DEMANDED', 'PAID', 'IMPORTED')),
    opened_at           timestamptz NOT NULL
);
CREATE INDEX sub_account_community ON sub_account (community_id, unit_id);

-- Every movement of every sub-account, never changed: the owner's statement (F8).
CREATE TABLE movement (
    id           uuid        PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    unit_id      uuid        NOT NULL REFERENCES sub_account,
    entry_id     uuid        NOT NULL,           -- the journal entry that moved 2101 by this (and others)
    kind         text        NOT NULL CHECK (kind IN ('OPENING', 'DEPOSIT', 'TOP_UP', 'INTEREST', 'PROJECT', 'SHORTFALL', 'REFUND')),
    amount_fen   bigint      NOT NULL CHECK (amount_fen <> 0),   -- + into the sub-account, - out of it
    value_date   date        NOT NULL,
    description  text        NOT NULL,
    reference    text,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX movement_unit ON movement (unit_id, id);
CREATE INDEX movement_community ON movement (community_id, value_date);

CREATE FUNCTION movement_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sub-account movements are kept as recorded: correct one with another movement';
END $$;
CREATE TRIGGER movement_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON movement
    FOR EACH STATEMENT EXECUTE FUNCTION movement_is_kept();

-- What this service asked billing to collect (fund.charge-raised.v1), and how much has come in.
CREATE TABLE fund_charge (
    id           uuid        PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    unit_id      uuid        NOT NULL REFERENCES sub_account,
    kind         text        NOT NULL CHECK (kind IN ('INITIAL_DEPOSIT', 'TOP_UP')),
    amount_fen   bigint      NOT NULL CHECK (amount_fen > 0),
    settled_fen  bigint      NOT NULL DEFAULT 0 CHECK (settled_fen >= 0 AND settled_fen <= amount_fen),
    raised_at    timestamptz NOT NULL
);
CREATE INDEX fund_charge_unit ON fund_charge (unit_id);
-- Rule F3: one top-up demand at a time per unit; one initial deposit ever.
CREATE UNIQUE INDEX fund_charge_one_open_top_up ON fund_charge (unit_id) WHERE kind = 'TOP_UP' AND settled_fen < amount_fen;
CREATE UNIQUE INDEX fund_charge_one_initial ON fund_charge (unit_id) WHERE kind = 'INITIAL_DEPOSIT';
