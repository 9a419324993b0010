package dev.commonhold.parking.permits.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule K2: owners first, then by time; and a permit's days and grace. */
class OwnersFirstTest {

    static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    static Application app(boolean owner, int minutes) {
        return new Application(UUID.randomUUID(), UUID.randomUUID(), "京A1234" + minutes % 10, owner, 1, T.plusSeconds(60L * minutes));
    }

    @Test
    void aTenantWaitsWhileAnyOwnerWaits_evenOneWhoCameLater() {
        Application tenant = app(false, 1);
        Application owner = app(true, 5);
        assertThat(OwnersFirst.allocate(1, List.of(tenant, owner))).containsExactly(owner);
        assertThat(OwnersFirst.position(tenant, List.of(tenant, owner))).isEqualTo(2);
        assertThat(OwnersFirst.position(owner, List.of(tenant, owner))).isEqualTo(1);
    }

    @Test
    void aTenantGetsAPlaceWhenNoOwnerWaits() {
        Application tenant = app(false, 1);
        assertThat(OwnersFirst.allocate(1, List.of(tenant))).containsExactly(tenant);
    }

    @Test
    void placesGoInOrderOfApplicationWithinEachGroup() {
        Application owner2 = app(true, 2);
        Application owner1 = app(true, 1);
        Application tenant1 = app(false, 0);
        assertThat(OwnersFirst.allocate(3, List.of(tenant1, owner2, owner1))).containsExactly(owner1, owner2, tenant1);
        assertThat(OwnersFirst.allocate(2, List.of(tenant1, owner2, owner1))).containsExactly(owner1, owner2);
        assertThat(OwnersFirst.allocate(0, List.of(owner1))).isEmpty();
        assertThat(OwnersFirst.allocate(-1, List.of(owner1))).isEmpty();
    }

    @Test
    void aPermitIsValidToItsLastDay_inGraceForTheGraceDays_thenExpired() {
        Permit p = new Permit(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "京A12345", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), false);
        assertThat(p.on(LocalDate.of(2026, 10, 31), 3)).isEqualTo(Permit.Standing.EXPIRED);
        assertThat(p.on(LocalDate.of(2026, 11, 30), 3)).isEqualTo(Permit.Standing.VALID);
        assertThat(p.on(LocalDate.of(2026, 12, 1), 3)).isEqualTo(Permit.Standing.IN_GRACE);
        assertThat(p.on(LocalDate.of(2026, 12, 3), 3)).isEqualTo(Permit.Standing.IN_GRACE);
        assertThat(p.on(LocalDate.of(2026, 12, 4), 3)).isEqualTo(Permit.Standing.EXPIRED);
    }

    @Test
    void aRenewalContinuesWithoutAGapWhenInGrace_andFromTodayAfter() {
        LocalDate end = LocalDate.of(2026, 11, 30);
        assertThat(Permit.renewal(end, LocalDate.of(2026, 11, 20), 1, 3)).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertThat(Permit.renewal(end, LocalDate.of(2026, 12, 3), 1, 3)).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertThat(Permit.renewal(end, LocalDate.of(2026, 12, 4), 1, 3)).containsExactly(LocalDate.of(2026, 12, 4), LocalDate.of(2027, 1, 3));
    }
}
