-- Idempotency-Key records (platform/web): written in the same transaction as the request's effect.
CREATE TABLE idempotency_record (
    scope           text        NOT NULL, -- the caller (token subject), so keys of different users never collide
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL, -- SHA-256 of method, path and body: same key + other body = 409
    status          integer,
    content_type    text,
    location        text,
    body            bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
