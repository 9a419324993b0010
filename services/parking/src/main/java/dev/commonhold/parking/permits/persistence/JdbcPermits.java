package dev.commonhold.parking.permits.persistence;

import dev.commonhold.parking.permits.app.PermitStore;
import dev.commonhold.parking.permits.domain.Application;
import dev.commonhold.parking.permits.domain.Permit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcPermits implements PermitStore {

    private static final String APPLICATION_COLUMNS = "id, unit_id, plate, owner, months, applied_at";
    private static final RowMapper<Application> APPLICATION = (rs, i) -> new Application(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getString(3), rs.getBoolean(4), rs.getInt(5), rs.getTimestamp(6).toInstant());
    private static final String PERMIT_COLUMNS = "id, lot_id, unit_id, plate, valid_from, valid_to, cancelled_at IS NOT NULL";
    private static final RowMapper<Permit> PERMIT = (rs, i) -> new Permit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getBoolean(7));

    private final JdbcTemplate jdbc;

    JdbcPermits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean registerVehicle(UUID communityId, String plate, UUID unitId) {
        jdbc.update("INSERT INTO vehicle (community_id, plate, unit_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", communityId, plate, unitId);
        return householdOf(communityId, plate).map(unitId::equals).orElse(false);
    }

    @Override
    public boolean unregisterVehicle(UUID communityId, String plate, UUID unitId) {
        return jdbc.update("DELETE FROM vehicle WHERE community_id = ? AND plate = ? AND unit_id = ?", communityId, plate, unitId) == 1;
    }

    @Override
    public Optional<UUID> householdOf(UUID communityId, String plate) {
        return jdbc.queryForList("SELECT unit_id FROM vehicle WHERE community_id = ? AND plate = ?", UUID.class, communityId, plate).stream().findFirst();
    }

    @Override
    public List<String> platesOf(UUID unitId) {
        return jdbc.queryForList("SELECT plate FROM vehicle WHERE unit_id = ? ORDER BY registered_at", String.class, unitId);
    }

    @Override
    public void lockLot(UUID lotId) {
        jdbc.queryForList("SELECT id FROM lot WHERE id = ? FOR UPDATE", UUID.class, lotId);
    }

    @Override
    public boolean insertApplication(UUID lotId, Application a, String by) {
        return jdbc.update("INSERT INTO permit_application (id, lot_id, unit_id, plate, owner, months, applied_at, applied_by, status) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING') ON CONFLICT DO NOTHING", a.id(), lotId, a.unitId(), a.plate(), a.owner(), a.months(),
                Timestamp.from(a.appliedAt()), by) == 1;
    }

    @Override
    public List<Application> waiting(UUID lotId) {
        return jdbc.query("SELECT " + APPLICATION_COLUMNS + " FROM permit_application WHERE lot_id = ? AND status = 'WAITING' ORDER BY applied_at, id",
                APPLICATION, lotId);
    }

    @Override
    public Optional<Application> application(UUID lotId, UUID applicationId) {
        return jdbc.query("SELECT " + APPLICATION_COLUMNS + " FROM permit_application WHERE lot_id = ? AND id = ?", APPLICATION, lotId, applicationId)
                .stream().findFirst();
    }

    @Override
    public void issued(UUID applicationId, UUID permitId) {
        jdbc.update("UPDATE permit_application SET status = 'ISSUED', permit_id = ? WHERE id = ?", permitId, applicationId);
    }

    @Override
    public void withdrawn(UUID applicationId) {
        jdbc.update("UPDATE permit_application SET status = 'WITHDRAWN' WHERE id = ? AND status = 'WAITING'", applicationId);
    }

    @Override
    public int holdingPlaces(UUID lotId, LocalDate day, int graceDays) {
        return jdbc.queryForObject("SELECT count(*) FROM permit WHERE lot_id = ? AND cancelled_at IS NULL AND valid_from <= ? AND valid_to + ? >= ?",
                Integer.class, lotId, day, graceDays, day);
    }

    @Override
    public void insertPermit(Permit p, UUID communityId, Instant at) {
        jdbc.update("INSERT INTO permit (id, lot_id, community_id, unit_id, plate, valid_from, valid_to, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                p.id(), p.lotId(), communityId, p.unitId(), p.plate(), p.validFrom(), p.validTo(), Timestamp.from(at));
    }

    @Override
    public Optional<Permit> permit(UUID lotId, UUID permitId) {
        return jdbc.query("SELECT " + PERMIT_COLUMNS + " FROM permit WHERE lot_id = ? AND id = ?", PERMIT, lotId, permitId).stream().findFirst();
    }

    @Override
    public Optional<Permit> latestFor(UUID lotId, String plate) {
        return jdbc.query("SELECT " + PERMIT_COLUMNS + " FROM permit WHERE lot_id = ? AND plate = ? AND cancelled_at IS NULL ORDER BY valid_to DESC LIMIT 1",
                PERMIT, lotId, plate).stream().findFirst();
    }

    @Override
    public void extend(UUID permitId, LocalDate validTo) {
        jdbc.update("UPDATE permit SET valid_to = ? WHERE id = ?", validTo, permitId);
    }

    @Override
    public List<Permit> permits(UUID lotId) {
        return jdbc.query("SELECT " + PERMIT_COLUMNS + " FROM permit WHERE lot_id = ? ORDER BY valid_to DESC, plate LIMIT 5000", PERMIT, lotId);
    }

    @Override
    public List<LotRef> lotsWithWaiting() {
        return jdbc.query("SELECT DISTINCT l.community_id, l.id FROM permit_application a JOIN lot l ON l.id = a.lot_id WHERE a.status = 'WAITING'",
                (rs, i) -> new LotRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
    }
}
