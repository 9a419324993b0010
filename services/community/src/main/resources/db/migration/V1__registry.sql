-- The community registry. Areas are integers in 0.01 m² (rule V4); ids are UUIDv7.

CREATE TABLE community (
    id                        uuid PRIMARY KEY,
    name                      text        NOT NULL,
    city                      text        NOT NULL,
    district                  text        NOT NULL,
    division_code             text        NOT NULL CHECK (division_code ~ '^[1-8][0-9]{5}$'),
    time_zone                 text        NOT NULL,
    address                   text,
    declared_floor_area_centi bigint CHECK (declared_floor_area_centi > 0),
    operator_company_id       uuid        NOT NULL,
    registered_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX community_operator ON community (operator_company_id, id);
CREATE INDEX community_division ON community (division_code text_pattern_ops);

CREATE TABLE building (
    id           uuid PRIMARY KEY,
    community_id uuid NOT NULL REFERENCES community,
    name         text NOT NULL,
    UNIQUE (community_id, name)
);

CREATE TABLE owner (
    id           uuid PRIMARY KEY,
    community_id uuid NOT NULL REFERENCES community,
    kind         text NOT NULL CHECK (kind IN ('PERSON', 'DEVELOPER')),
    name         text NOT NULL,
    phone        text,
    external_ref text,
    user_id      text,
    UNIQUE (community_id, external_ref)
);
CREATE INDEX owner_user ON owner (community_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE unit (
    id                   uuid PRIMARY KEY,
    community_id         uuid   NOT NULL REFERENCES community,
    building_id          uuid   NOT NULL REFERENCES building,
    number               text   NOT NULL,
    floor                integer,
    exclusive_area_centi bigint NOT NULL CHECK (exclusive_area_centi > 0),
    use                  text   NOT NULL,
    owner_id             uuid   NOT NULL REFERENCES owner,
    UNIQUE (building_id, number)
);
CREATE INDEX unit_community ON unit (community_id, id);
CREATE INDEX unit_owner ON unit (owner_id);

-- Every change of ownership, kept: who owned a unit when matters for votes and fund balances (F9).
CREATE TABLE ownership_transfer (
    id            uuid PRIMARY KEY,
    unit_id       uuid        NOT NULL REFERENCES unit,
    from_owner_id uuid        NOT NULL REFERENCES owner,
    to_owner_id   uuid        NOT NULL REFERENCES owner,
    effective_on  date        NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    recorded_by   text        NOT NULL
);
CREATE INDEX ownership_transfer_unit ON ownership_transfer (unit_id, recorded_at);

CREATE TABLE resident (
    id           uuid PRIMARY KEY,
    community_id uuid NOT NULL REFERENCES community,
    unit_id      uuid NOT NULL REFERENCES unit,
    name         text NOT NULL,
    relation     text NOT NULL CHECK (relation IN ('OWNER', 'FAMILY', 'TENANT')),
    phone        text,
    user_id      text,
    moved_in     date,
    moved_out    date
);
CREATE INDEX resident_community ON resident (community_id, id);
CREATE INDEX resident_user ON resident (community_id, user_id) WHERE user_id IS NOT NULL;

-- Committee terms are appended, never overwritten: the current one is the latest appointed.
CREATE TABLE committee (
    id           uuid PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    kind         text        NOT NULL,
    term_start   date        NOT NULL,
    term_end     date        NOT NULL CHECK (term_end > term_start),
    appointed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    appointed_by text        NOT NULL
);
CREATE INDEX committee_current ON committee (community_id, appointed_at DESC);

CREATE TABLE committee_member (
    id           uuid PRIMARY KEY,
    committee_id uuid    NOT NULL REFERENCES committee,
    position     integer NOT NULL,
    name         text    NOT NULL,
    role         text    NOT NULL CHECK (role IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
    owner_id     uuid REFERENCES owner,
    user_id      text
);
CREATE INDEX committee_member_committee ON committee_member (committee_id, position);
