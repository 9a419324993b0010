-- Signed tree heads: the operator signs each closed month's head (Ed25519 over its canonical bytes,
-- platform/ledger/FORMAT.md); committee members countersign it with keys they registered, so the
-- operator cannot show residents a history the committee has not seen.
CREATE TABLE operator_key (
    id          boolean PRIMARY KEY DEFAULT TRUE CHECK (id),
    private_key bytea   NOT NULL,   -- PKCS#8; only when no key is configured (local stack, tests)
    public_key  bytea   NOT NULL    -- X.509 SubjectPublicKeyInfo
);

CREATE TABLE member_key (
    community_id uuid        NOT NULL,
    member_id    uuid        NOT NULL,
    public_key   bytea       NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, member_id)
);

CREATE TABLE head_signature (
    community_id uuid        NOT NULL,
    period       date        NOT NULL,
    signer       text        NOT NULL,   -- 'operator' or the committee member's id
    signer_name  text        NOT NULL,
    public_key   bytea       NOT NULL,
    signature    bytea       NOT NULL,
    signed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (community_id, period, signer)
);
