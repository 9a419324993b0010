package dev.commonhold.fund.accounts.persistence;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Rows sent to PostgreSQL in its binary COPY format (PostgreSQL manual, COPY, "Binary Format"): a
 * signature, flags and a header extension length, then per row a field count and each field as its
 * length and bytes (big-endian; -1 for NULL), then -1. A uuid is its 16 bytes, a bigint 8, a date the
 * days since 2000-01-01 as 4 bytes, a timestamptz the microseconds since 2000-01-01 UTC as 8, text its
 * UTF-8 bytes. Nothing to format here or to parse there: interest writes a million rows at once (F2).
 * Used within the caller's transaction; closing without {@link #finish} cancels the COPY.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final long DAYS_1970_TO_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long SECONDS_1970_TO_2000 = DAYS_1970_TO_2000 * 86_400;

    private final CopyIn copy;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private long rows;

    private BinaryCopy(CopyIn copy) {
        this.copy = copy;
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    /** @param target a table and its columns, e.g. {@code movement (id, unit_id)}, in the order each row gives them */
    static BinaryCopy into(Connection connection, String target) throws SQLException {
        return new BinaryCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT binary)"));
    }

    BinaryCopy row(int fields) throws SQLException {
        room(2);
        buffer.putShort((short) fields);
        rows++;
        return this;
    }

    BinaryCopy uuid(UUID value) throws SQLException {
        room(20);
        buffer.putInt(16).putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
        return this;
    }

    BinaryCopy int8(long value) throws SQLException {
        room(12);
        buffer.putInt(8).putLong(value);
        return this;
    }

    BinaryCopy date(LocalDate value) throws SQLException {
        room(8);
        buffer.putInt(4).putInt(Math.toIntExact(value.toEpochDay() - DAYS_1970_TO_2000));
        return this;
    }

    /** To the microsecond, as PostgreSQL keeps it (below that is cut off). */
    BinaryCopy timestamp(Instant value) throws SQLException {
        room(12);
        buffer.putInt(8).putLong((value.getEpochSecond() - SECONDS_1970_TO_2000) * 1_000_000 + value.getNano() / 1_000);
        return this;
    }

    /** @param utf8 the text's UTF-8 bytes, encoded once by the caller for a value every row repeats; null for NULL */
    BinaryCopy text(byte[] utf8) throws SQLException {
        if (utf8 == null) {
            room(4);
            buffer.putInt(-1);
            return this;
        }
        room(4);
        buffer.putInt(utf8.length);
        for (int written = 0; written < utf8.length; ) {
            room(1);
            int n = Math.min(buffer.remaining(), utf8.length - written);
            buffer.put(utf8, written, n);
            written += n;
        }
        return this;
    }

    /** @return the rows PostgreSQL took */
    long finish() throws SQLException {
        room(2);
        buffer.putShort((short) -1);
        flush();
        long taken = copy.endCopy();
        if (taken != rows) {
            throw new IllegalStateException("COPY took " + taken + " of " + rows + " rows");
        }
        return taken;
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void room(int bytes) throws SQLException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
