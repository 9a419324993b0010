-- Rule V10: the voting window announced when a vote opens belongs to the owners. The committee may
-- extend it with a notice to the community, never shorten it, and a vote is decided only once it
-- has ended. Each extension is kept; the database holds the rule too, whatever the code does.

CREATE TABLE resolution_extension (
    id                 uuid PRIMARY KEY,
    resolution_id      uuid        NOT NULL REFERENCES resolution,
    previous_closes_at timestamptz NOT NULL,
    closes_at          timestamptz NOT NULL CHECK (closes_at > previous_closes_at),
    reason             text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    extended_at        timestamptz NOT NULL CHECK (extended_at < previous_closes_at),
    extended_by        text        NOT NULL
);
CREATE INDEX resolution_extension_of ON resolution_extension (resolution_id, id);

CREATE FUNCTION resolution_window_belongs_to_owners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'OPEN' AND NEW.closes_at < OLD.closes_at THEN
        RAISE EXCEPTION 'rule V10: the voting window of resolution % may be extended, never shortened', OLD.id;
    END IF;
    IF OLD.status = 'OPEN' AND NEW.status = 'DECIDED' AND NEW.decided_at < OLD.closes_at THEN
        RAISE EXCEPTION 'rule V10: resolution % is decided only once its voting window has ended', OLD.id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER resolution_window BEFORE UPDATE ON resolution FOR EACH ROW EXECUTE FUNCTION resolution_window_belongs_to_owners();

-- A resolution now has notices of its extensions before the one of its decision (still one only).
ALTER TABLE notice ADD COLUMN kind text NOT NULL DEFAULT 'DECISION' CHECK (kind IN ('DECISION', 'EXTENSION'));
ALTER TABLE notice DROP CONSTRAINT notice_resolution_id_key;
CREATE UNIQUE INDEX notice_one_decision ON notice (resolution_id) WHERE kind = 'DECISION';
