-- Time-ordered ids (UUIDv7, RFC 9562) made inside PostgreSQL, for the set-based billing run that
-- issues a whole chunk of invoices, their lines and their events in one statement. PostgreSQL 18
-- has uuidv7(); until then: 48 bits of Unix milliseconds over a random v4, version bits set to 7.
CREATE FUNCTION uuid_v7() RETURNS uuid AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid;
$$ LANGUAGE sql VOLATILE;
