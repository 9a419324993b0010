package dev.commonhold.community.registry.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryRulesTest {

    private static final UUID COMMUNITY = UUID.randomUUID();

    @Test
    void areaKeepsHundredthsOfASquareMetreExactly() {
        assertThat(Area.ofSquareMetres(new BigDecimal("89.37")).centiSquareMetres()).isEqualTo(8_937);
        assertThatThrownBy(() -> Unit.checkExclusiveArea(Area.ofSquareMetres(new BigDecimal("10000.01")))).hasMessageContaining("10000.00");
        assertThat(Unit.checkExclusiveArea(Area.ofSquareMetres(new BigDecimal("10000.00"))).centiSquareMetres()).isEqualTo(1_000_000);
        assertThatThrownBy(() -> Area.ofSquareMetres(new BigDecimal("89.371"))).hasMessageContaining("two decimals");
        assertThat(Area.ofSquareMetres(new BigDecimal("89.3700")).centiSquareMetres()).as("trailing zeros are not extra precision").isEqualTo(8_937);
    }

    @Test
    void communityNeedsADistrictDivisionCodeAndAValidZone() {
        assertThatThrownBy(() -> register("11010", "Asia/Shanghai")).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("divisionCode"));
        assertThatThrownBy(() -> register("110105", "Mars/Olympus")).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("timeZone"));
        assertThat(register("110105", null).state().timeZone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void transferPassesTheUnitToTheNewOwnerAndSaysFromWhom() {
        Owner developer = owner(OwnerKind.DEVELOPER, "劲松置业");
        Owner buyer = owner(OwnerKind.PERSON, "张三");
        Unit unit = new Unit(UUID.randomUUID(), COMMUNITY, UUID.randomUUID(), "101", 1, new Area(8_937), UnitUse.RESIDENTIAL, developer.id());

        Changed<Unit> sold = unit.transferTo(buyer, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 30));

        assertThat(sold.state().ownerId()).isEqualTo(buyer.id());
        assertThat(sold.events()).singleElement().isInstanceOfSatisfying(RegistryEvent.OwnershipTransferred.class, e -> {
            assertThat(e.before().ownerId()).isEqualTo(developer.id());
            assertThat(e.newOwner()).isEqualTo(buyer);
        });
        assertThatThrownBy(() -> sold.state().transferTo(buyer, LocalDate.now(), LocalDate.now())).isInstanceOf(RegistryConflict.class);
    }

    /** The seller is unbound on the effective day: a transfer is recorded once it has taken effect, so today is the latest day it may name. */
    @Test
    void aTransferTakesEffectTodayAtTheLatestNeverAheadOfItsDate() {
        Owner seller = owner(OwnerKind.PERSON, "李伟");
        Owner buyer = owner(OwnerKind.PERSON, "张三");
        Unit unit = new Unit(UUID.randomUUID(), COMMUNITY, UUID.randomUUID(), "301", 3, new Area(8_937), UnitUse.RESIDENTIAL, seller.id());
        LocalDate today = LocalDate.of(2026, 11, 30);

        assertThat(unit.transferTo(buyer, today, today).state().ownerId()).isEqualTo(buyer.id());
        assertThatThrownBy(() -> unit.transferTo(buyer, today.plusDays(1), today)).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("effectiveOn"));
    }

    @Test
    void ownerOfAnotherCommunityCannotReceiveAUnit() {
        Owner stranger = new Owner(UUID.randomUUID(), UUID.randomUUID(), OwnerKind.PERSON, "外人", null, null, null);
        Unit unit = new Unit(UUID.randomUUID(), COMMUNITY, UUID.randomUUID(), "101", 1, new Area(100), UnitUse.RESIDENTIAL, UUID.randomUUID());

        assertThatThrownBy(() -> unit.transferTo(stranger, LocalDate.now(), LocalDate.now())).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("toOwnerId"));
    }

    @Test
    void committeeHasExactlyOneChairAndNoOwnerTwice() {
        UUID owner = UUID.randomUUID();
        assertThatThrownBy(() -> committee(member("A", Committee.Role.MEMBER, owner))).hasMessageContaining("exactly one member must be the chair");
        assertThatThrownBy(() -> committee(member("A", Committee.Role.CHAIR, owner), member("B", Committee.Role.CHAIR, null)))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> committee(member("A", Committee.Role.CHAIR, owner), member("A again", Committee.Role.MEMBER, owner)))
                .hasMessageContaining("twice");
        assertThat(Committee.appoint(committee(member("A", Committee.Role.CHAIR, owner), member("B", Committee.Role.MEMBER, null))).events())
                .singleElement().isInstanceOf(RegistryEvent.CommitteeChanged.class);
    }

    @Test
    void committeeTermMustEndAfterItStarts() {
        assertThatThrownBy(() -> new Committee(COMMUNITY, Committee.Kind.OWNERS_COMMITTEE, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1),
                List.of(member("A", Committee.Role.CHAIR, null)))).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("termEnd"));
    }

    @Test
    void phoneNumbersAreMobileOrLandline() {
        assertThat(owner(OwnerKind.PERSON, "A", "+86 138-0013-8000").phone()).isEqualTo("13800138000");
        assertThat(owner(OwnerKind.PERSON, "A", "010-65001234").phone()).isEqualTo("01065001234");
        assertThatThrownBy(() -> owner(OwnerKind.PERSON, "A", "12345")).isInstanceOf(InvalidRegistryData.class);
    }

    private static Changed<Community> register(String division, String zone) {
        return Community.register(UUID.randomUUID(), "劲松北社区", "北京市", "朝阳区", division, zone, null, null, UUID.randomUUID());
    }

    private static Owner owner(OwnerKind kind, String name) {
        return owner(kind, name, null);
    }

    private static Owner owner(OwnerKind kind, String name, String phone) {
        return new Owner(UUID.randomUUID(), COMMUNITY, kind, name, phone, null, null);
    }

    private static Committee.Member member(String name, Committee.Role role, UUID owner) {
        return new Committee.Member(UUID.randomUUID(), name, role, owner, null);
    }

    private static Committee committee(Committee.Member... members) {
        return new Committee(COMMUNITY, Committee.Kind.OWNERS_COMMITTEE, LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1), List.of(members));
    }
}
