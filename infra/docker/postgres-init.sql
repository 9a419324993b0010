-- A database and a login role per service (database-per-service in compose; schema-per-service
-- on the embedded local stack). Each service owns only its own data.
CREATE ROLE community LOGIN PASSWORD 'community';
CREATE DATABASE community OWNER community;
CREATE ROLE billing LOGIN PASSWORD 'billing';
CREATE DATABASE billing OWNER billing;
CREATE ROLE trust_account LOGIN PASSWORD 'trust_account';
CREATE DATABASE trust_account OWNER trust_account;
CREATE ROLE maintenance_fund LOGIN PASSWORD 'maintenance_fund';
CREATE DATABASE maintenance_fund OWNER maintenance_fund;
CREATE ROLE parking LOGIN PASSWORD 'parking';
CREATE DATABASE parking OWNER parking;
