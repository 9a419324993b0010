-- billed_month is written only in the statement that writes its invoice (JdbcBulkIssue, JdbcInvoices)
-- and never deleted; its foreign key re-checked that per row and cost a tenth of a billing run.
ALTER TABLE billed_month DROP CONSTRAINT billed_month_invoice_id_fkey;
