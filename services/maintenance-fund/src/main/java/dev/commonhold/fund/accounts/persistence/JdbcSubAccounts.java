package dev.commonhold.fund.accounts.persistence;

import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.fund.accounts.domain.Movement;
import dev.commonhold.fund.accounts.domain.SubAccount;
import dev.commonhold.platform.ids.Ids;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcSubAccounts implements SubAccounts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcSubAccounts.class);

    private static final String COLUMNS = "unit_id, community_id, initial_deposit_fen, balance_fen, deposit_state, closed_at IS NOT NULL";
    private static final RowMapper<SubAccount> ROW = (rs, i) -> new SubAccount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getLong(3), rs.getLong(4), SubAccount.DepositState.valueOf(rs.getString(5)), rs.getBoolean(6));
    private static final RowMapper<Movement> MOVEMENT = (rs, i) -> new Movement(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Movement.Kind.valueOf(rs.getString(3)), rs.getLong(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7));

    private final JdbcTemplate jdbc;

    JdbcSubAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void open(UUID communityId, UUID unitId, long initialDepositFen, Instant at) {
        jdbc.update("""
                INSERT INTO sub_account (unit_id, community_id, initial_deposit_fen, opened_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (unit_id) DO UPDATE SET initial_deposit_fen = excluded.initial_deposit_fen
                WHERE sub_account.deposit_state = 'DUE'""", unitId, communityId, initialDepositFen, Timestamp.from(at));
    }

    @Override
    public Optional<SubAccount> find(UUID unitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sub_account WHERE unit_id = ?", ROW, unitId).stream().findFirst();
    }

    @Override
    public Optional<SubAccount> lock(UUID unitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sub_account WHERE unit_id = ? FOR UPDATE", ROW, unitId).stream().findFirst();
    }

    @Override
    public void record(UUID communityId, UUID entryId, List<Movement> movements, Instant at) {
        jdbc.batchUpdate("""
                INSERT INTO movement (id, community_id, unit_id, entry_id, kind, amount_fen, value_date, description, reference, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", movements, 1000, (ps, m) -> {
            ps.setObject(1, m.id());
            ps.setObject(2, communityId);
            ps.setObject(3, m.unitId());
            ps.setObject(4, entryId);
            ps.setString(5, m.kind().name());
            ps.setLong(6, m.amountFen());
            ps.setDate(7, Date.valueOf(m.valueDate()));
            ps.setString(8, m.description());
            ps.setString(9, m.reference());
            ps.setTimestamp(10, Timestamp.from(at));
        });
        jdbc.batchUpdate("UPDATE sub_account SET balance_fen = balance_fen + ? WHERE unit_id = ?", movements, 1000, (ps, m) -> {
            ps.setLong(1, m.amountFen());
            ps.setObject(2, m.unitId());
        });
    }

    /**
     * Within the caller's transaction: the movements go in by one binary COPY ({@link BinaryCopy}:
     * many rows to a WAL record, nothing to parse), without text of their own (V8: the statement shows
     * their entry's, {@code movement_as_shown}), and the (unit, amount) pairs by a second into a
     * temporary table, from which one UPDATE moves every balance by a hash join rather than a million
     * index lookups. Ids are made here (UUIDv7, {@link Ids}) so the key stays append-mostly.
     */
    @Override
    public void recordBulk(UUID communityId, UUID entryId, Bulk bulk, Instant at) {
        long started = System.nanoTime();
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (BinaryCopy movements = BinaryCopy.into(connection,
                    "movement (id, community_id, unit_id, entry_id, kind, amount_fen, value_date, recorded_at)")) {
                byte[] kind = bulk.kind().name().getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < bulk.unitIds().length; i++) {
                    movements.row(8).uuid(Ids.newId()).uuid(communityId).uuid(bulk.unitIds()[i]).uuid(entryId).text(kind)
                            .int8(bulk.amountsFen()[i]).date(bulk.valueDate()).timestamp(at);
                }
                return movements.finish();
            }
        });
        long written = System.nanoTime();
        jdbc.execute("DROP TABLE IF EXISTS pg_temp.bulk_credit");
        jdbc.execute("CREATE TEMP TABLE bulk_credit (unit_id uuid NOT NULL, amount_fen bigint NOT NULL) ON COMMIT DROP");
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (BinaryCopy credits = BinaryCopy.into(connection, "bulk_credit (unit_id, amount_fen)")) {
                for (int i = 0; i < bulk.unitIds().length; i++) {
                    credits.row(2).uuid(bulk.unitIds()[i]).int8(bulk.amountsFen()[i]);
                }
                return credits.finish();
            }
        });
        jdbc.execute("ANALYZE bulk_credit");
        long copied = System.nanoTime();
        jdbc.update("UPDATE sub_account s SET balance_fen = s.balance_fen + b.amount_fen FROM bulk_credit b WHERE s.unit_id = b.unit_id");
        log.info("{} movements written in {} ms, credits copied in {} ms, balances moved in {} ms", bulk.unitIds().length,
                (written - started) / 1_000_000, (copied - written) / 1_000_000, (System.nanoTime() - copied) / 1_000_000);
    }

    /**
     * Balance-days from the kept balance rather than from every movement ever made: a movement dated
     * before {@code from} is held all {@code days}, so only movements dated from {@code from} on are read —
     * those after {@code to} are taken back out of the balance, those inside the period are held
     * {@code to - value_date + 1} days, i.e. {@code days - (value_date - from)}. The same sum as weighing
     * each movement (the balance is the sum of the movements, checked after every test), without
     * reading years of movements each quarter.
     */
    @Override
    public Weights balanceDays(UUID communityId, java.time.LocalDate from, java.time.LocalDate to) {
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        Object[] parameters = {days, Date.valueOf(to), Date.valueOf(from), Date.valueOf(to), communityId, Date.valueOf(from), communityId};
        WeightsBuilder weights = new WeightsBuilder();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    SELECT s.unit_id, (s.balance_fen - coalesce(r.after_fen, 0)) * ? - coalesce(r.unheld_fen_days, 0)
                    FROM sub_account s LEFT JOIN (
                        SELECT m.unit_id, sum(m.amount_fen) FILTER (WHERE m.value_date > ?) AS after_fen,
                               sum(m.amount_fen * (m.value_date - ?::date)) FILTER (WHERE m.value_date <= ?) AS unheld_fen_days
                        FROM movement m JOIN sub_account c ON c.unit_id = m.unit_id AND c.community_id = ?
                        WHERE m.value_date >= ? GROUP BY m.unit_id) r ON r.unit_id = s.unit_id
                    WHERE s.community_id = ?""");
            statement.setFetchSize(50_000); // a city's million sub-accounts stream in, rather than sit in the driver all at once
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1); // binary rows: a uuid as 16 bytes, not 36 characters to parse
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }, rs -> {
            weights.add(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return weights.build();
    }

    /**
     * The rows as they come, put in unit id order at the end. Sorting here rather than in SQL: PostgreSQL
     * read a million sub-accounts through the index one random heap page at a time (1.7 s of the
     * weighing's 3 s), where a plain scan is 0.1 s. The order is PostgreSQL's for uuid — the 16 bytes
     * compared unsigned — so a tie still goes to the unit id that sorts first there (F2).
     */
    private static final class WeightsBuilder {
        private static final java.util.Comparator<Weighed> UNIT_ORDER = java.util.Comparator.comparing(Weighed::unit, Ids.DATABASE_ORDER);

        private record Weighed(UUID unit, long balanceDays) {
        }

        private final java.util.ArrayList<Weighed> rows = new java.util.ArrayList<>();

        void add(UUID unit, long balanceDays) {
            rows.add(new Weighed(unit, balanceDays));
        }

        Weights build() {
            rows.sort(UNIT_ORDER);
            UUID[] units = new UUID[rows.size()];
            long[] balanceDays = new long[rows.size()];
            for (int i = 0; i < units.length; i++) {
                units[i] = rows.get(i).unit();
                balanceDays[i] = rows.get(i).balanceDays();
            }
            return new Weights(units, balanceDays);
        }
    }

    @Override
    public void close(UUID unitId, Instant at) {
        jdbc.update("UPDATE sub_account SET closed_at = ? WHERE unit_id = ?", Timestamp.from(at), unitId);
    }

    @Override
    public boolean closed(UUID unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT closed_at IS NOT NULL FROM sub_account WHERE unit_id = ?", Boolean.class, unitId));
    }

    @Override
    public boolean inUnfinishedProject(UUID unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM project_unit pu JOIN project p ON p.id = pu.project_id "
                + "WHERE pu.unit_id = ? AND p.status = 'APPROVED' AND pu.share_fen > 0)", Boolean.class, unitId));
    }

    @Override
    public void depositState(UUID unitId, SubAccount.DepositState state) {
        jdbc.update("UPDATE sub_account SET deposit_state = ? WHERE unit_id = ?", state.name(), unitId);
    }

    @Override
    public void imported(UUID unitId, Long initialDepositFen) {
        jdbc.update("UPDATE sub_account SET deposit_state = 'IMPORTED', initial_deposit_fen = coalesce(?, initial_deposit_fen) WHERE unit_id = ?",
                initialDepositFen, unitId);
    }

    @Override
    public java.util.Map<UUID, Long> paidTowards(UUID projectId, List<UUID> unitIds) {
        java.util.Map<UUID, Long> paid = new java.util.HashMap<>();
        jdbc.query("SELECT unit_id, -sum(amount_fen) FROM movement_as_shown WHERE unit_id = ANY(?) AND reference = ? GROUP BY unit_id", rs -> {
            paid.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }, unitIds.toArray(UUID[]::new), "project:" + projectId);
        return paid;
    }

    @Override
    public List<Movement> movements(UUID unitId) {
        return jdbc.query("SELECT id, unit_id, kind, amount_fen, value_date, description, reference FROM movement_as_shown WHERE unit_id = ? ORDER BY id",
                MOVEMENT, unitId);
    }

    @Override
    public List<SubAccount> ofCommunity(UUID communityId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sub_account WHERE community_id = ? ORDER BY unit_id", ROW, communityId);
    }

    @Override
    public List<UUID> unitsWithoutSubAccount(UUID communityId) {
        return jdbc.queryForList("SELECT u.id FROM unit u WHERE u.community_id = ? AND NOT EXISTS (SELECT 1 FROM sub_account s WHERE s.unit_id = u.id) "
                + "ORDER BY u.id", UUID.class, communityId);
    }

    @Override
    public List<UUID> depositsDue(UUID communityId) {
        return jdbc.queryForList("SELECT unit_id FROM sub_account WHERE community_id = ? AND deposit_state = 'DUE' AND initial_deposit_fen > 0 AND closed_at IS NULL "
                + "ORDER BY unit_id", UUID.class, communityId);
    }

    @Override
    public Optional<Instant> demandsSince(UUID communityId) {
        return jdbc.query("SELECT demands_since FROM community WHERE id = ? AND demands_since IS NOT NULL",
                (rs, i) -> rs.getTimestamp(1).toInstant(), communityId).stream().findFirst();
    }

    @Override
    public void startDemands(UUID communityId, Instant at) {
        jdbc.update("UPDATE community SET demands_since = coalesce(demands_since, ?) WHERE id = ?", Timestamp.from(at), communityId);
    }

    @Override
    public List<CommunityTotals> totalsOfRegion(String divisionPrefix) {
        return jdbc.query("""
                SELECT c.id, c.name, c.division_code, coalesce(s.n, 0), coalesce(s.balance, 0), coalesce(-a.balance_fen, 0), coalesce(s.low, 0),
                       (SELECT count(*) FROM project p WHERE p.community_id = c.id),
                       (SELECT coalesce(sum(pp.amount_fen), 0) FROM project_payment pp JOIN project p ON p.id = pp.project_id WHERE p.community_id = c.id)
                FROM community c
                LEFT JOIN (SELECT community_id, count(*) AS n, sum(balance_fen) AS balance,
                                  count(*) FILTER (WHERE balance_fen * 10 < initial_deposit_fen * 3 AND closed_at IS NULL) AS low
                           FROM sub_account GROUP BY community_id) s ON s.community_id = c.id
                LEFT JOIN ledger_account a ON a.ledger_id = c.id AND a.code = '2101'
                WHERE c.division_code LIKE ? || '%' ORDER BY c.division_code, c.name""",
                (rs, i) -> new CommunityTotals(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6),
                        rs.getInt(7), rs.getInt(8), rs.getLong(9)), divisionPrefix);
    }

    @Override
    public long sumsByKindOf(UUID communityId, java.time.LocalDate from, java.time.LocalDate to, String kind) {
        Long total = jdbc.queryForObject("SELECT coalesce(sum(m.amount_fen), 0) FROM sub_account s JOIN movement m ON m.unit_id = s.unit_id "
                + "WHERE s.community_id = ? AND m.value_date >= ? AND m.value_date < ? AND m.kind = ?", Long.class, communityId, Date.valueOf(from), Date.valueOf(to), kind);
        return total == null ? 0 : total;
    }

    @Override
    public long totalBefore(UUID communityId, java.time.LocalDate day) {
        Long total = jdbc.queryForObject("SELECT coalesce(sum(m.amount_fen), 0) FROM sub_account s JOIN movement m ON m.unit_id = s.unit_id "
                + "WHERE s.community_id = ? AND m.value_date < ?", Long.class,
                communityId, Date.valueOf(day));
        return total == null ? 0 : total;
    }

    @Override
    public List<dev.commonhold.fund.accounts.app.YearReport.Amount> sumsByKind(UUID communityId, java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.query("SELECT m.kind, sum(m.amount_fen) FROM sub_account s JOIN movement m ON m.unit_id = s.unit_id WHERE s.community_id = ? "
                        + "AND m.value_date >= ? AND m.value_date < ? AND m.kind NOT IN ('PROJECT', 'REFUND') GROUP BY m.kind ORDER BY m.kind",
                (rs, i) -> new dev.commonhold.fund.accounts.app.YearReport.Amount(rs.getString(1), rs.getLong(2)), communityId, Date.valueOf(from),
                Date.valueOf(to));
    }

    @Override
    public List<dev.commonhold.fund.accounts.app.YearReport.Amount> usesByReference(UUID communityId, java.time.LocalDate from,
                                                                                    java.time.LocalDate to) {
        return jdbc.query("""
                SELECT coalesce(p.title, m.reference), -sum(m.amount_fen) FROM sub_account s JOIN movement_as_shown m ON m.unit_id = s.unit_id
                LEFT JOIN project p ON m.reference = 'project:' || p.id::text
                WHERE s.community_id = ? AND m.value_date >= ? AND m.value_date < ? AND m.kind = 'PROJECT'
                GROUP BY coalesce(p.title, m.reference) ORDER BY 1""",
                (rs, i) -> new dev.commonhold.fund.accounts.app.YearReport.Amount(rs.getString(1), rs.getLong(2)), communityId, Date.valueOf(from),
                Date.valueOf(to));
    }

    @Override
    public long total(UUID communityId) {
        Long total = jdbc.queryForObject("SELECT coalesce(sum(balance_fen), 0) FROM sub_account WHERE community_id = ?", Long.class, communityId);
        return total == null ? 0 : total;
    }
}
