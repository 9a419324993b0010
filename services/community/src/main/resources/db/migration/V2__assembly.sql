-- The owners' assembly: resolutions, the electorate fixed when voting opens, every ballot, results.

-- The community's own rules of procedure on non-voters (rule V6); absent means the law's default.
CREATE TABLE assembly_rules (
    community_id                  uuid PRIMARY KEY REFERENCES community,
    non_voters_count_as_approving boolean     NOT NULL,
    rules_document_sha256         text CHECK (rules_document_sha256 ~ '^[0-9a-f]{64}$'),
    updated_at                    timestamptz NOT NULL DEFAULT now(),
    updated_by                    text        NOT NULL
);

CREATE TABLE resolution (
    id                            uuid PRIMARY KEY,
    community_id                  uuid        NOT NULL REFERENCES community,
    title                         text        NOT NULL,
    description                   text,
    matter                        text        NOT NULL,
    scope                         text        NOT NULL CHECK (scope IN ('WHOLE_COMMUNITY', 'BUILDINGS', 'UNITS')),
    status                        text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'DECIDED')),
    closes_at                     timestamptz NOT NULL,
    created_at                    timestamptz NOT NULL DEFAULT now(),
    created_by                    text        NOT NULL,
    opened_at                     timestamptz,
    opened_by                     text,
    non_voters_count_as_approving boolean     NOT NULL DEFAULT false,
    electorate_area_centi         bigint,
    electorate_owners             integer,
    decided_at                    timestamptz,
    decided_by                    text,
    outcome                       text CHECK (outcome IN ('APPROVED', 'REJECTED', 'NO_QUORUM')),
    tally                         text -- the decided tally as JSON, exactly as published
);
CREATE INDEX resolution_community ON resolution (community_id, id);
CREATE INDEX resolution_due ON resolution (closes_at) WHERE status = 'OPEN';

-- The buildings or units a V7 resolution is put to.
CREATE TABLE resolution_scope (
    resolution_id uuid NOT NULL REFERENCES resolution,
    ref_id        uuid NOT NULL,
    PRIMARY KEY (resolution_id, ref_id)
);

CREATE TABLE resolution_document (
    resolution_id uuid    NOT NULL REFERENCES resolution,
    position      integer NOT NULL,
    name          text    NOT NULL,
    sha256        text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (resolution_id, position)
);

-- The electorate as it stood when voting opened (rule V5 weights); later sales do not change it.
CREATE TABLE electorate_voter (
    resolution_id uuid    NOT NULL REFERENCES resolution,
    owner_id      uuid    NOT NULL REFERENCES owner,
    owner_kind    text    NOT NULL,
    owner_name    text    NOT NULL,
    area_centi    bigint  NOT NULL CHECK (area_centi > 0),
    units         integer NOT NULL CHECK (units > 0),
    PRIMARY KEY (resolution_id, owner_id)
);

CREATE TABLE electorate_unit (
    resolution_id uuid   NOT NULL REFERENCES resolution,
    unit_id       uuid   NOT NULL REFERENCES unit,
    owner_id      uuid   NOT NULL,
    area_centi    bigint NOT NULL,
    PRIMARY KEY (resolution_id, unit_id),
    FOREIGN KEY (resolution_id, owner_id) REFERENCES electorate_voter
);

-- Every ballot ever cast or recorded; the latest per owner counts (rule V8). Evidence, never edited.
CREATE TABLE ballot (
    id            uuid PRIMARY KEY,
    resolution_id uuid        NOT NULL,
    owner_id      uuid        NOT NULL,
    choice        text        NOT NULL CHECK (choice IN ('APPROVE', 'REJECT', 'ABSTAIN')),
    channel       text        NOT NULL CHECK (channel IN ('ONLINE', 'PAPER', 'PROXY')),
    cast_at       timestamptz NOT NULL,
    cast_by       text        NOT NULL,
    evidence      text CHECK (evidence ~ '^[0-9a-f]{64}$'),
    FOREIGN KEY (resolution_id, owner_id) REFERENCES electorate_voter
);
CREATE INDEX ballot_latest ON ballot (resolution_id, owner_id, id DESC);

CREATE FUNCTION ballot_is_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ballots are kept as cast: a change of vote is a new ballot';
END $$;
CREATE TRIGGER ballot_append_only BEFORE UPDATE OR DELETE ON ballot FOR EACH ROW EXECUTE FUNCTION ballot_is_evidence();

-- Results published to the whole community (rule V8), written from community.resolution-decided.v1.
CREATE TABLE notice (
    id            uuid PRIMARY KEY,
    community_id  uuid        NOT NULL REFERENCES community,
    resolution_id uuid        NOT NULL UNIQUE REFERENCES resolution,
    title         text        NOT NULL,
    body          text        NOT NULL,
    published_at  timestamptz NOT NULL
);
CREATE INDEX notice_community ON notice (community_id, published_at DESC);
