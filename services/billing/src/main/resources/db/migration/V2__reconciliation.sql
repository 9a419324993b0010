-- Daily reconciliation (rule PY3): our payments ↔ the channel's statement ↔ the bank, per operator
-- company (one merchant account), channel and day in Asia/Shanghai.
CREATE TABLE reconciliation_day (
    company_id        uuid   NOT NULL,
    channel           text   NOT NULL CHECK (channel IN ('WECHAT_PAY', 'ALIPAY', 'BANK_TRANSFER')),
    day               date   NOT NULL,
    statement_sha256  text   NOT NULL,
    statement_rows    integer NOT NULL,
    matched           integer NOT NULL,
    matched_fen       bigint NOT NULL,
    refunds           integer NOT NULL,
    imported_at       timestamptz NOT NULL DEFAULT now(),
    imported_by       text   NOT NULL,
    locked_at         timestamptz,
    locked_by         text,
    PRIMARY KEY (company_id, channel, day)
);

CREATE TABLE reconciliation_exception (
    id             uuid PRIMARY KEY,
    company_id     uuid   NOT NULL,
    channel        text   NOT NULL,
    day            date   NOT NULL,
    kind           text   NOT NULL CHECK (kind IN ('MISSING_IN_OUR_RECORDS', 'MISSING_IN_STATEMENT', 'AMOUNT_MISMATCH', 'DUPLICATE_IN_STATEMENT')),
    transaction_id text   NOT NULL,
    statement_row  integer,
    payment_id     uuid,
    our_fen        bigint,
    statement_fen  bigint,
    resolved_at    timestamptz,
    resolved_by    text,
    resolution     text,
    FOREIGN KEY (company_id, channel, day) REFERENCES reconciliation_day
);
CREATE INDEX reconciliation_exception_day ON reconciliation_exception (company_id, channel, day);
