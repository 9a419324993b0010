-- Transactional outbox (platform/messaging): events committed with the state change that caused
-- them, published to Kafka by the relay, deleted after the retention period once published.
CREATE TABLE outbox_event (
    position     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    message_key  text        NOT NULL,
    event_type   text        NOT NULL,
    envelope     text        NOT NULL, -- the exact JSON published, so a resend is byte-identical
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX outbox_event_pending ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
