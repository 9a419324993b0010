-- Trust accounts. The journal itself (ledger_head, ledger_account, journal_entry, journal_posting,
-- ledger_period) comes from platform/ledger's V0_4; one ledger per community, its id the community's.

-- What this service copies from community.state: the communities (who runs them, where they are)
-- and each one's current committee (who may co-sign its payments, rule T3).
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL,
    -- T2: under lump-sum (包干制) property fees are the operator's and are not posted as owners' income.
    fee_model           text NOT NULL DEFAULT 'TRUST' CHECK (fee_model IN ('TRUST', 'LUMP_SUM'))
);

CREATE TABLE committee_member (
    community_id uuid NOT NULL REFERENCES community,
    member_id    uuid NOT NULL,
    committee_id uuid NOT NULL,
    name         text NOT NULL,
    role         text NOT NULL,
    user_id      text,
    term_start   date NOT NULL,
    term_end     date NOT NULL,
    PRIMARY KEY (community_id, member_id)
);
CREATE INDEX committee_member_user ON committee_member (community_id, user_id);

-- Settlements that could not be posted as they are, kept for someone to look at: a revenue class
-- this service does not know (posted to suspense) or one that is not the owners' (not posted).
CREATE TABLE posting_note (
    source      text PRIMARY KEY,
    community_id uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('SUSPENSE', 'NOT_OWNERS')),
    revenue_class text NOT NULL,
    amount_fen  bigint NOT NULL,
    detail      text NOT NULL,
    noted_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX posting_note_community ON posting_note (community_id, noted_at);
