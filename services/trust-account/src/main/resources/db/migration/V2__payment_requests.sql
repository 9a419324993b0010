-- Payments out of the co-managed account with two keys (rule T3): the operator raises, the
-- committee decides, the operator executes. Nothing is deleted: rejected, withdrawn and expired
-- requests stay, with who decided what and why.
CREATE TABLE payment_request (
    id               uuid        PRIMARY KEY,
    community_id     uuid        NOT NULL REFERENCES community,
    payee            text        NOT NULL,
    payee_account    text,
    amount_fen       bigint      NOT NULL CHECK (amount_fen > 0),
    expense_account  text        NOT NULL,
    budget_line      text,
    purpose          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'EXECUTED')),
    approvals_needed integer     NOT NULL CHECK (approvals_needed IN (1, 2)),
    raised_by        text        NOT NULL,
    raised_at        timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    bank_instruction text UNIQUE,
    entry_id         uuid UNIQUE,                   -- the journal entry that paid it
    closed_reason    text,
    CHECK ((status = 'EXECUTED') = (entry_id IS NOT NULL))
);
CREATE INDEX payment_request_community ON payment_request (community_id, raised_at DESC);

CREATE TABLE payment_decision (
    request_id uuid        NOT NULL REFERENCES payment_request,
    member_id  uuid        NOT NULL,                -- a member of the committee when they decided
    user_id    text        NOT NULL,
    name       text        NOT NULL,
    approved   boolean     NOT NULL,
    reason     text,
    decided_at timestamptz NOT NULL,
    PRIMARY KEY (request_id, member_id)             -- one decision per member: the second key is another person
);

CREATE TABLE payment_voucher (
    id           uuid        PRIMARY KEY,
    request_id   uuid        NOT NULL REFERENCES payment_request,
    file_name    text        NOT NULL,
    content_type text        NOT NULL,
    sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   bigint      NOT NULL,
    content      bytea       NOT NULL,
    uploaded_by  text        NOT NULL,
    uploaded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_voucher_request ON payment_voucher (request_id, uploaded_at);
