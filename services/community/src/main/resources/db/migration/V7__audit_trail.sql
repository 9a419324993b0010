-- The audit trail (审计日志, issue 17): security-relevant actions every service publishes on audit.events,
-- and sign-ins and role changes copied from Keycloak's event store. Append-only for everyone, this
-- service included: an entry is never changed or removed (Keycloak keeps its own events 90 days; this
-- table keeps them for good).
CREATE TABLE audit_entry (
    entry_id      uuid PRIMARY KEY,
    source        text        NOT NULL,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    action        text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('DONE', 'DENIED', 'FAILED')),
    actor_subject text,
    actor_login   text,
    actor_roles   text[]      NOT NULL,
    actor_company uuid,
    community_id  uuid,
    method        text        NOT NULL,
    path          text        NOT NULL,
    status        integer     NOT NULL,
    address       text,
    user_agent    text,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entry_newest ON audit_entry (at DESC, entry_id DESC);
CREATE INDEX audit_entry_community ON audit_entry (community_id, at DESC);
CREATE INDEX audit_entry_company ON audit_entry (actor_company, at DESC);
CREATE INDEX audit_entry_login ON audit_entry (actor_login, at DESC);

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on audit_entry refused', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

-- How far the copy of each Keycloak event stream has got (epoch milliseconds of the newest event copied).
CREATE TABLE audit_keycloak_cursor (
    stream  text PRIMARY KEY CHECK (stream IN ('events', 'admin-events')),
    last_at bigint NOT NULL
);
