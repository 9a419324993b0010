-- Inbox (platform/messaging): which events each consumer has already applied. Inserted in the same
-- transaction as the effect, so redelivery is harmless.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
