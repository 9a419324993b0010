CREATE TABLE thing (
    id         uuid PRIMARY KEY,
    name       text   NOT NULL UNIQUE,
    amount_fen bigint NOT NULL
);
CREATE TABLE payment (
    id         uuid PRIMARY KEY,
    payer      text   NOT NULL,
    amount_fen bigint NOT NULL
);
