-- Residents join (绑定房屋): one-time invitation codes, requests the operator or the owner of
-- record decides, every binding decision kept, and the queue that carries register changes to
-- the users' Keycloak accounts.

-- A code is shown once, when issued; only its SHA-256 is kept, so whoever reads this table
-- cannot bind themselves to anyone's home.
CREATE TABLE invitation (
    id           uuid PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    unit_id      uuid        NOT NULL REFERENCES unit,
    kind         text        NOT NULL CHECK (kind IN ('OWNER', 'FAMILY', 'TENANT')),
    code_sha256  bytea       NOT NULL UNIQUE CHECK (length(code_sha256) = 32),
    issued_at    timestamptz NOT NULL,
    issued_by    text        NOT NULL,
    expires_at   timestamptz NOT NULL CHECK (expires_at > issued_at),
    revoked_at   timestamptz,
    revoked_by   text,
    redeemed_at  timestamptz,
    redeemed_by  text,
    CHECK (revoked_at IS NULL OR redeemed_at IS NULL)
);
CREATE INDEX invitation_unit ON invitation (community_id, unit_id, issued_at DESC);
CREATE INDEX invitation_community ON invitation (community_id, id);

-- Every try of a code by a user, right or wrong: the guessing limit counts the wrong ones of the last hour.
CREATE TABLE code_attempt (
    user_id      text        NOT NULL,
    attempted_at timestamptz NOT NULL,
    succeeded    boolean     NOT NULL
);
CREATE INDEX code_attempt_user ON code_attempt (user_id, attempted_at);

CREATE TABLE binding_request (
    id           uuid PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    unit_id      uuid        NOT NULL REFERENCES unit,
    user_id      text        NOT NULL,
    relation     text        NOT NULL CHECK (relation IN ('OWNER', 'FAMILY', 'TENANT')),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    phone        text        NOT NULL,
    note         text CHECK (length(note) <= 500),
    requested_at timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_at   timestamptz,
    decided_by   text,
    decided_as   text CHECK (decided_as IN ('OPERATOR', 'OWNER_OF_RECORD', 'REQUESTER')),
    reason       text CHECK (length(reason) <= 500),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (status <> 'REJECTED' OR length(reason) > 0)
);
-- One open request per user and unit.
CREATE UNIQUE INDEX binding_request_open ON binding_request (user_id, unit_id) WHERE status = 'PENDING';
CREATE INDEX binding_request_community ON binding_request (community_id, status, requested_at);

-- Every binding and unbinding of a login to a unit, with who decided and when. Appended, never changed.
CREATE TABLE binding_event (
    id           uuid PRIMARY KEY,
    community_id uuid        NOT NULL REFERENCES community,
    unit_id      uuid        NOT NULL REFERENCES unit,
    user_id      text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('BOUND', 'UNBOUND')),
    relation     text        NOT NULL CHECK (relation IN ('OWNER', 'FAMILY', 'TENANT')),
    via          text        NOT NULL CHECK (via IN ('INVITATION', 'REQUEST', 'OPERATOR', 'TRANSFER', 'MOVE_OUT')),
    reference_id uuid,
    decided_by   text        NOT NULL,
    decided_at   timestamptz NOT NULL
);
CREATE INDEX binding_event_community ON binding_event (community_id, decided_at, id);

CREATE FUNCTION binding_event_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'binding decisions are kept: % on binding_event is not allowed', TG_OP;
END $$;
CREATE TRIGGER binding_event_append_only BEFORE UPDATE OR DELETE ON binding_event FOR EACH ROW EXECUTE FUNCTION binding_event_is_kept();

-- Users whose Keycloak account must be brought in line with the register. One row per user
-- (changes coalesce); a row leaves only once Keycloak has taken the state it was queued for.
CREATE TABLE account_sync (
    user_id      text PRIMARY KEY,
    version      bigint      NOT NULL DEFAULT 1,
    queued_at    timestamptz NOT NULL DEFAULT now(),
    due_at       timestamptz NOT NULL DEFAULT now(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX account_sync_due ON account_sync (due_at);

-- The token follows the register: whatever path changes who owns, lives in or sits on the
-- committee of a unit — the API, a spreadsheet import, a transfer, a new committee — queues the
-- logins it touches here, in the same transaction. The queue coalesces per user.
CREATE FUNCTION queue_account_sync(login text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO account_sync (user_id) SELECT login WHERE login IS NOT NULL
    ON CONFLICT (user_id) DO UPDATE SET version = account_sync.version + 1, queued_at = now(), due_at = now(), attempts = 0
$$;

-- An owner's or a resident's login: the one it had and the one it has.
CREATE FUNCTION login_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM queue_account_sync(OLD.user_id);
    END IF;
    PERFORM queue_account_sync(NEW.user_id);
    RETURN NULL;
END $$;
CREATE TRIGGER owner_login AFTER INSERT OR UPDATE OF user_id ON owner FOR EACH ROW EXECUTE FUNCTION login_changed();

CREATE FUNCTION unit_owner_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM queue_account_sync((SELECT user_id FROM owner WHERE id = OLD.owner_id));
    END IF;
    PERFORM queue_account_sync((SELECT user_id FROM owner WHERE id = NEW.owner_id));
    RETURN NULL;
END $$;
CREATE TRIGGER unit_owner AFTER INSERT OR UPDATE OF owner_id ON unit FOR EACH ROW EXECUTE FUNCTION unit_owner_changed();

CREATE TRIGGER resident_login AFTER INSERT OR UPDATE OF user_id, moved_out ON resident FOR EACH ROW EXECUTE FUNCTION login_changed();

-- A new committee replaces the whole previous one: its members lose the committee role.
CREATE FUNCTION committee_appointed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM queue_account_sync(m.user_id) FROM committee_member m JOIN committee c ON c.id = m.committee_id
     WHERE c.community_id = NEW.community_id AND c.id <> NEW.id AND m.user_id IS NOT NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER committee_appointed AFTER INSERT ON committee FOR EACH ROW EXECUTE FUNCTION committee_appointed();

CREATE FUNCTION committee_member_appointed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM queue_account_sync(NEW.user_id);
    RETURN NULL;
END $$;
CREATE TRIGGER committee_member_appointed AFTER INSERT ON committee_member FOR EACH ROW EXECUTE FUNCTION committee_member_appointed();
