-- Franchise oversight (特许经营监管): agreements as versioned data, the revenue billing settled for the
-- classes they cover, the charges the covered services raised (checked against the tariff caps), the
-- operator's yearly reports, the share charges raised through billing, and the regulators' evaluations.

-- What this service copies from community.state.
CREATE TABLE community (
    id                  uuid PRIMARY KEY,
    name                text NOT NULL,
    division_code       text NOT NULL,
    time_zone           text NOT NULL,
    operator_company_id uuid NOT NULL
);

-- One row per version: an amendment is a new version from its effective day, never an edit.
CREATE TABLE agreement_version (
    agreement_id   uuid        NOT NULL,
    version        integer     NOT NULL CHECK (version >= 1),
    effective_from date        NOT NULL,
    jurisdiction   text        NOT NULL CHECK (jurisdiction ~ '^[0-9]{6}$'),
    operator_company_id uuid   NOT NULL,
    terms          jsonb       NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, version)
);
CREATE INDEX agreement_jurisdiction ON agreement_version (jurisdiction);

-- Which agreement covers a community's revenue classes (the latest version's scope); a class of a community
-- is covered by at most one agreement.
CREATE TABLE coverage (
    community_id  uuid NOT NULL,
    revenue_class text NOT NULL,
    agreement_id  uuid NOT NULL,
    PRIMARY KEY (community_id, revenue_class)
);
CREATE INDEX coverage_agreement ON coverage (agreement_id);

-- billing.payment-settled.v1 lines of covered classes, once per settlement.
CREATE TABLE revenue_line (
    settlement_id uuid        PRIMARY KEY,
    agreement_id  uuid        NOT NULL,
    community_id  uuid        NOT NULL,
    revenue_class text        NOT NULL,
    charge_id     uuid        NOT NULL,
    amount_fen    bigint      NOT NULL,
    settled_at    timestamptz NOT NULL,
    year          integer     NOT NULL,
    reversed_at   timestamptz
);
CREATE INDEX revenue_line_year ON revenue_line (agreement_id, year);

-- Charges the covered services raised, with the cap check made when each arrived.
CREATE TABLE observed_charge (
    charge_id        uuid    PRIMARY KEY,
    agreement_id     uuid    NOT NULL,
    community_id     uuid    NOT NULL,
    revenue_class    text    NOT NULL,
    amount_fen       bigint  NOT NULL,
    served_from      date    NOT NULL,
    served_to        date    NOT NULL,
    source_reference text    NOT NULL,
    over_cap_most_fen bigint,
    cap_index        integer,
    cap_reference    text,
    cancelled        boolean NOT NULL DEFAULT false
);
CREATE INDEX observed_charge_over ON observed_charge (agreement_id, served_to) WHERE over_cap_most_fen IS NOT NULL;

-- The operator's yearly reports (FR4); a correction is a new version, the first one's time says whether it was late.
CREATE TABLE operator_report (
    agreement_id uuid        NOT NULL,
    year         integer     NOT NULL,
    version      integer     NOT NULL,
    revenue_fen  bigint      NOT NULL CHECK (revenue_fen >= 0),
    costs_fen    bigint      NOT NULL CHECK (costs_fen >= 0),
    invested_fen bigint      NOT NULL CHECK (invested_fen >= 0),
    kpi_actuals  jsonb       NOT NULL,
    submitted_by text        NOT NULL,
    submitted_at timestamptz NOT NULL,
    PRIMARY KEY (agreement_id, year, version)
);

-- The share due for a year raised through billing, one charge per covered community (split by its revenue).
CREATE TABLE share_charge (
    charge_id    uuid        PRIMARY KEY,
    agreement_id uuid        NOT NULL,
    year         integer     NOT NULL,
    community_id uuid        NOT NULL,
    amount_fen   bigint      NOT NULL CHECK (amount_fen > 0),
    raised_at    timestamptz NOT NULL,
    raised_by    text        NOT NULL
);
CREATE INDEX share_charge_year ON share_charge (agreement_id, year);

-- What billing settled on the share charges, once per settlement.
CREATE TABLE share_payment (
    settlement_id uuid        PRIMARY KEY,
    charge_id     uuid        NOT NULL REFERENCES share_charge,
    amount_fen    bigint      NOT NULL,
    settled_at    timestamptz NOT NULL,
    reversed_at   timestamptz
);
CREATE INDEX share_payment_charge ON share_payment (charge_id);

-- The regulator's evaluations (FR4: at least every two years).
CREATE TABLE evaluation (
    id           uuid        PRIMARY KEY,
    agreement_id uuid        NOT NULL,
    year         integer     NOT NULL,
    verdict      text        NOT NULL CHECK (verdict IN ('SATISFACTORY', 'NEEDS_IMPROVEMENT', 'UNSATISFACTORY')),
    notes        text        NOT NULL,
    evaluated_by text        NOT NULL,
    jurisdiction text        NOT NULL,
    evaluated_at timestamptz NOT NULL
);
CREATE INDEX evaluation_agreement ON evaluation (agreement_id);
