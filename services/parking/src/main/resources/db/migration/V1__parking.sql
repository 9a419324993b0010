-- Parking (停车): lots and their spaces, tariff plans, monthly permits, what the gate cameras
-- reported and the sessions made of it, and the charges raised through billing.

-- What this service copies from community.state: communities (zone, operator) and units (owners, residents).
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL
);

CREATE TABLE unit (
    id                uuid PRIMARY KEY,
    community_id      uuid   NOT NULL,
    building_name     text   NOT NULL,
    number            text   NOT NULL,
    owner_name        text,
    owner_user_ids    text[] NOT NULL,
    resident_user_ids text[] NOT NULL
);
CREATE INDEX unit_community ON unit (community_id);

CREATE TABLE lot (
    id                 uuid PRIMARY KEY,
    community_id       uuid    NOT NULL,
    name               text    NOT NULL,
    capacity           integer NOT NULL CHECK (capacity > 0),
    visitor_space_kind text    NOT NULL CHECK (visitor_space_kind IN ('COMMON_LAND', 'OPERATOR_OWNED')),
    minimum_fee_fen    bigint  NOT NULL CHECK (minimum_fee_fen >= 0),
    max_hour_fen       bigint CHECK (max_hour_fen >= 0),
    max_daily_fen      bigint CHECK (max_daily_fen >= 0),
    permit_quota       integer NOT NULL CHECK (permit_quota >= 0),
    permit_monthly_fen bigint  NOT NULL CHECK (permit_monthly_fen >= 0),
    permit_space_kind  text    NOT NULL CHECK (permit_space_kind IN ('COMMON_LAND', 'OPERATOR_OWNED')),
    permit_grace_days  integer NOT NULL CHECK (permit_grace_days BETWEEN 0 AND 31),
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);

CREATE TABLE space (
    id      uuid PRIMARY KEY,
    lot_id  uuid NOT NULL REFERENCES lot,
    number  text NOT NULL,
    kind    text NOT NULL CHECK (kind IN ('PRIVATE', 'COMMON_LAND', 'OPERATOR_OWNED')),
    unit_id uuid,                         -- a private space's household
    UNIQUE (lot_id, number)
);

-- A camera, registered by its serial number (what Vzenith cameras send as serialno).
CREATE TABLE gate (
    serial    text PRIMARY KEY,
    lot_id    uuid NOT NULL REFERENCES lot,
    name      text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('ENTRY', 'EXIT'))
);

CREATE TABLE tariff_plan (
    id             uuid PRIMARY KEY,
    lot_id         uuid    NOT NULL REFERENCES lot,
    audience       text    NOT NULL CHECK (audience IN ('VISITOR', 'RESIDENT_EXTRA_CAR')),
    effective_from timestamptz NOT NULL,
    free_minutes   integer NOT NULL,
    unit_minutes   integer NOT NULL CHECK (unit_minutes IN (15, 60)),
    first_hour_fen bigint  NOT NULL,
    next_hour_fen  bigint  NOT NULL,
    night_start    time,
    night_end      time,
    night_hour_fen bigint,
    daily_cap_fen  bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    UNIQUE (lot_id, audience, effective_from)
);

-- A plate registered to a household (车辆登记): a resident's car, priced as such, its arrears on the household.
CREATE TABLE vehicle (
    community_id  uuid NOT NULL,
    plate         text NOT NULL,
    unit_id       uuid NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, plate)
);
CREATE INDEX vehicle_unit ON vehicle (unit_id);

CREATE TABLE permit_application (
    id          uuid PRIMARY KEY,
    lot_id      uuid    NOT NULL REFERENCES lot,
    unit_id     uuid    NOT NULL,
    plate       text    NOT NULL,
    owner       boolean NOT NULL,
    months      integer NOT NULL CHECK (months BETWEEN 1 AND 12),
    applied_at  timestamptz NOT NULL,
    applied_by  text    NOT NULL,
    status      text    NOT NULL CHECK (status IN ('WAITING', 'ISSUED', 'WITHDRAWN')),
    permit_id   uuid
);
CREATE UNIQUE INDEX permit_application_one_waiting ON permit_application (lot_id, plate) WHERE status = 'WAITING';

CREATE TABLE permit (
    id          uuid PRIMARY KEY,
    lot_id      uuid NOT NULL REFERENCES lot,
    community_id uuid NOT NULL,
    unit_id     uuid NOT NULL,
    plate       text NOT NULL,
    valid_from  date NOT NULL,
    valid_to    date NOT NULL CHECK (valid_to >= valid_from),
    issued_at   timestamptz NOT NULL,
    cancelled_at timestamptz
);
CREATE INDEX permit_plate ON permit (lot_id, plate, valid_to);

-- Every charge parking raised (a session's fee, a permit's months) and what billing settled of it.
CREATE TABLE parking_charge (
    id            uuid PRIMARY KEY,
    community_id  uuid   NOT NULL,
    lot_id        uuid   NOT NULL,
    source        text   NOT NULL CHECK (source IN ('SESSION', 'PERMIT')),
    source_id     uuid   NOT NULL,
    revenue_class text   NOT NULL,
    amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
    unit_id       uuid,
    raised_at     timestamptz NOT NULL,
    settled_fen   bigint NOT NULL DEFAULT 0
);
CREATE INDEX parking_charge_source ON parking_charge (source_id);

-- Each settled line billing reported, once (its settlement line id): revenue by day comes from here.
CREATE TABLE parking_settlement (
    settlement_id uuid PRIMARY KEY,
    charge_id     uuid   NOT NULL REFERENCES parking_charge,
    lot_id        uuid   NOT NULL,
    revenue_class text   NOT NULL,
    amount_fen    bigint NOT NULL,
    settled_at    timestamptz NOT NULL
);
CREATE INDEX parking_settlement_day ON parking_settlement (lot_id, settled_at);

-- A stay in a lot: opened by an entry, closed by an exit; its price and how the exit was matched (K4).
CREATE TABLE session (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL,
    lot_id          uuid NOT NULL REFERENCES lot,
    plate           text NOT NULL,
    unit_id         uuid,
    permit_id       uuid,
    audience        text NOT NULL,
    entered_at      timestamptz,
    entry_gate      text,
    exited_at       timestamptz,
    exit_gate       text,
    status          text NOT NULL CHECK (status IN ('INSIDE', 'AWAITING_PAYMENT', 'PAID', 'PASSED', 'RELEASED_UNPAID', 'EXIT_MISSED')),
    price_fen       bigint,
    revenue_class   text,
    charge_id       uuid,
    exit_plate_read text,
    matched_by      text,
    note            text,
    price_detail    jsonb
);
CREATE INDEX session_inside ON session (lot_id, plate) WHERE status = 'INSIDE';
CREATE INDEX session_lot_exit ON session (lot_id, exited_at);
CREATE INDEX session_plate ON session (community_id, plate, entered_at);

-- What each camera sent, once: a resend (same camera, same event id) is answered as the first time.
CREATE TABLE gate_event (
    id              uuid PRIMARY KEY,
    gate_serial     text NOT NULL REFERENCES gate,
    camera_event_id text NOT NULL,
    plate_read      text NOT NULL,
    plate           text,
    captured_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL,
    confidence      integer,
    image_sha256    text,
    recorded_offline boolean NOT NULL DEFAULT false,
    session_id      uuid,
    open_gate       boolean NOT NULL,
    display         text NOT NULL,
    fee_fen         bigint,
    -- an exit read that matched no single car inside: waits for the staff (K4's first step)
    pending_lookup  boolean NOT NULL DEFAULT false,
    UNIQUE (gate_serial, camera_event_id)
);
CREATE INDEX gate_event_pending ON gate_event (gate_serial, captured_at) WHERE pending_lookup;

-- An open-barrier command for a polling camera: a driver paid at the exit, the next poll opens it.
CREATE TABLE gate_command (
    id           uuid PRIMARY KEY,
    gate_serial  text NOT NULL REFERENCES gate,
    session_id   uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    delivered_at timestamptz
);
CREATE INDEX gate_command_waiting ON gate_command (gate_serial, created_at) WHERE delivered_at IS NULL;
