-- Reminders to households in arrears (催缴): shown in the portal, and each one interrupts the
-- prescription of what was overdue on that day (rule P5). One per unit per day.
CREATE TABLE arrears_reminder (
    id            uuid PRIMARY KEY,
    community_id  uuid   NOT NULL,
    unit_id       uuid   NOT NULL,
    open_fen      bigint NOT NULL CHECK (open_fen > 0),
    oldest_due_on date   NOT NULL,
    reminded_on   date   NOT NULL,
    reminded_by   text   NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (unit_id, reminded_on)
);
