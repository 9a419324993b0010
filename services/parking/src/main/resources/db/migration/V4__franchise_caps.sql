-- The approved tariff caps franchise oversight publishes (franchise.tariff-caps-set.v1, FR2): per community, the
-- latest version of each agreement's caps. A tariff or permit price above the lowest cap in force is refused.
CREATE TABLE franchise_cap (
    community_id  uuid    NOT NULL,
    agreement_id  uuid    NOT NULL,
    version       integer NOT NULL,
    revenue_class text    NOT NULL,
    unit          text    NOT NULL CHECK (unit IN ('HOUR', 'DAY', 'MONTH', 'M2_MONTH')),
    cap_fen       bigint  NOT NULL CHECK (cap_fen > 0),
    valid_from    date    NOT NULL,
    valid_to      date,
    reference     text    NOT NULL
);
CREATE INDEX franchise_cap_community ON franchise_cap (community_id, revenue_class);
