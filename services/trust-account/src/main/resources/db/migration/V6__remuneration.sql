-- The operator's remuneration terms (rule T2): proposed by the operator, in force once a committee
-- member confirms them; every version is kept.
CREATE TABLE remuneration_terms (
    id                uuid        PRIMARY KEY,
    community_id      uuid        NOT NULL REFERENCES community,
    kind              text        NOT NULL CHECK (kind IN ('FIXED', 'PERCENT')),
    fixed_fen         bigint      NOT NULL DEFAULT 0,
    basis_points      integer     NOT NULL DEFAULT 0,
    cap_fen           bigint      NOT NULL DEFAULT 0,
    proposed_by       text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    confirmed_by_name text,
    confirmed_at      timestamptz
);
CREATE INDEX remuneration_terms_community ON remuneration_terms (community_id, proposed_at DESC);
