-- A billing run no longer writes each invoice's invoice-issued event into the outbox (about 0.9 kB
-- and three index entries a household, and as much again when the relay marked it published): one
-- outbox row stands for a chunk ('billing.invoice-issued.v1+chunk'), and the relay renders the
-- events from the invoices themselves (InvoiceChunkEvents). The invoice keeps the id of its event so
-- a resend is the same event, with the same id (UUIDv7, as every event id), consumers deduplicate on.
ALTER TABLE invoice ADD COLUMN issued_event_id uuid;
