package dev.commonhold.commerce.merchants.persistence;

import dev.commonhold.commerce.merchants.app.MerchantStore;
import dev.commonhold.commerce.merchants.domain.CommissionTerms;
import dev.commonhold.commerce.merchants.domain.Eligibility;
import dev.commonhold.commerce.merchants.domain.LockerTerms;
import dev.commonhold.commerce.merchants.domain.Merchant;
import dev.commonhold.commerce.merchants.domain.Offering;
import dev.commonhold.commerce.merchants.domain.OfferingKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcMerchants implements MerchantStore {

    private static final String MERCHANT = "SELECT id, community_id, name, licence_number, settlement_bank, settlement_account, settlement_delay_days, "
            + "login, commission_bp, commission_fixed_fen, community_share_bp FROM merchant ";
    private static final RowMapper<Merchant> MERCHANT_ROW = (rs, i) -> new Merchant(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
            new CommissionTerms(rs.getInt(9), rs.getLong(10), rs.getInt(11)));
    private static final String OFFERING = "SELECT id, merchant_id, community_id, kind, name, price_fen, eligibility, min_age, capacity_per_day, stock, "
            + "opens_at, closes_at, free_hours, overdue_fen_per_day, overdue_cap_fen FROM offering ";
    private static final RowMapper<Offering> OFFERING_ROW = (rs, i) -> new Offering(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), OfferingKind.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6), Eligibility.valueOf(rs.getString(7)),
            rs.getObject(8, Integer.class), rs.getObject(9, Integer.class), rs.getObject(10, Integer.class), rs.getObject(11, LocalTime.class),
            rs.getObject(12, LocalTime.class), rs.getObject(13) == null ? null : new LockerTerms(rs.getInt(13), rs.getLong(14), rs.getLong(15)));

    private final JdbcTemplate jdbc;

    JdbcMerchants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Merchant m) {
        return jdbc.update("""
                INSERT INTO merchant (id, community_id, name, licence_number, settlement_bank, settlement_account, settlement_delay_days, login,
                    commission_bp, commission_fixed_fen, community_share_bp, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (community_id, licence_number) DO NOTHING""", m.id(), m.communityId(), m.name(), m.licenceNumber(), m.settlementBank(),
                m.settlementAccount(), m.settlementDelayDays(), m.login(), m.commission().rateBasisPoints(), m.commission().fixedFenPerOrder(),
                m.commission().communityShareBasisPoints(), Timestamp.from(Instant.now())) == 1;
    }

    @Override
    public void updateCommission(Merchant m) {
        jdbc.update("UPDATE merchant SET commission_bp = ?, commission_fixed_fen = ?, community_share_bp = ? WHERE id = ?",
                m.commission().rateBasisPoints(), m.commission().fixedFenPerOrder(), m.commission().communityShareBasisPoints(), m.id());
    }

    @Override
    public Optional<Merchant> merchant(UUID communityId, UUID merchantId) {
        return jdbc.query(MERCHANT + "WHERE community_id = ? AND id = ?", MERCHANT_ROW, communityId, merchantId).stream().findFirst();
    }

    @Override
    public List<Merchant> merchants(UUID communityId) {
        return jdbc.query(MERCHANT + "WHERE community_id = ? ORDER BY name", MERCHANT_ROW, communityId);
    }

    @Override
    public List<Merchant> merchantsOfLogin(String login) {
        return jdbc.query(MERCHANT + "WHERE login = lower(?) ORDER BY name", MERCHANT_ROW, login);
    }

    @Override
    public void insert(Offering o) {
        LockerTerms l = o.locker();
        jdbc.update("""
                INSERT INTO offering (id, merchant_id, community_id, kind, name, price_fen, eligibility, min_age, capacity_per_day, stock, opens_at,
                    closes_at, free_hours, overdue_fen_per_day, overdue_cap_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                o.id(), o.merchantId(), o.communityId(), o.kind().name(), o.name(), o.priceFen(), o.eligibility().name(), o.minAge(), o.capacityPerDay(),
                o.stock(), Time.valueOf(o.opensAt()), Time.valueOf(o.closesAt()), l == null ? null : l.freeHours(),
                l == null ? null : l.fenPerStartedDay(), l == null ? null : l.capFen(), Timestamp.from(Instant.now()));
    }

    @Override
    public Optional<Offering> offering(UUID communityId, UUID offeringId) {
        return jdbc.query(OFFERING + "WHERE community_id = ? AND id = ?", OFFERING_ROW, communityId, offeringId).stream().findFirst();
    }

    @Override
    public List<Offering> offerings(UUID communityId) {
        return jdbc.query(OFFERING + "WHERE community_id = ? ORDER BY kind, name", OFFERING_ROW, communityId);
    }

    @Override
    public Map<UUID, Integer> takenOn(UUID communityId, LocalDate day) {
        Map<UUID, Integer> taken = new HashMap<>();
        jdbc.query("SELECT d.offering_id, d.taken FROM offering_day d JOIN offering o ON o.id = d.offering_id WHERE o.community_id = ? AND d.day = ?",
                rs -> {
                    taken.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }, communityId, Date.valueOf(day));
        return taken;
    }

    @Override
    public Shortage take(Offering o, LocalDate day, int quantity) {
        if (o.capacityPerDay() != null) {
            jdbc.update("INSERT INTO offering_day (offering_id, day, taken) VALUES (?, ?, 0) ON CONFLICT DO NOTHING", o.id(), Date.valueOf(day));
            if (jdbc.update("UPDATE offering_day SET taken = taken + ? WHERE offering_id = ? AND day = ? AND taken + ? <= ?", quantity, o.id(),
                    Date.valueOf(day), quantity, o.capacityPerDay()) == 0) {
                Integer taken = jdbc.queryForObject("SELECT taken FROM offering_day WHERE offering_id = ? AND day = ?", Integer.class, o.id(),
                        Date.valueOf(day));
                return new Shortage("capacityPerDay", Math.max(0, o.capacityPerDay() - taken));
            }
        }
        if (o.stock() != null && jdbc.update("UPDATE offering SET stock = stock - ? WHERE id = ? AND stock >= ?", quantity, o.id(), quantity) == 0) {
            return new Shortage("stock", jdbc.queryForObject("SELECT stock FROM offering WHERE id = ?", Integer.class, o.id()));
        }
        return null;
    }

    @Override
    public void giveBack(Offering o, LocalDate day, int quantity) {
        if (o.capacityPerDay() != null) {
            jdbc.update("UPDATE offering_day SET taken = taken - ? WHERE offering_id = ? AND day = ?", quantity, o.id(), Date.valueOf(day));
        }
        if (o.stock() != null) {
            jdbc.update("UPDATE offering SET stock = stock + ? WHERE id = ?", quantity, o.id());
        }
    }
}
