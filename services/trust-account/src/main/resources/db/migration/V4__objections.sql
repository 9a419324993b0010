-- Objections (rule T5): any owner may question an entry; the operator must answer; open and
-- answered objections are public to the community, with their age.
CREATE TABLE objection (
    id            uuid        PRIMARY KEY,
    community_id  uuid        NOT NULL REFERENCES community,
    entry_id      uuid        NOT NULL,
    question      text        NOT NULL,
    raised_by     text        NOT NULL,
    raised_by_name text,
    raised_at     timestamptz NOT NULL,
    answer        text,
    answered_by   text,
    answered_at   timestamptz,
    CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX objection_community ON objection (community_id, raised_at DESC);
