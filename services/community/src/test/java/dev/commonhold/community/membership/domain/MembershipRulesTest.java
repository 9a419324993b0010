package dev.commonhold.community.membership.domain;

import dev.commonhold.community.registry.domain.RegistryConflict;

import dev.commonhold.community.registry.domain.InvalidRegistryData;

import dev.commonhold.community.registry.domain.Phone;
import dev.commonhold.community.registry.domain.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 15's rules in the domain: codes, their life, the guessing limit, requests and masked phones. */
class MembershipRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void codesAreTwelveUnambiguousSymbolsAndReadLenientlyAsPeopleCopyThem() {
        InvitationCode code = new InvitationCode("7KQ2M9XD4TWH");

        assertThat(code.display()).isEqualTo("7KQ2-M9XD-4TWH");
        assertThat(InvitationCode.parse(" 7kq2-m9xd 4twh ")).isEqualTo(code);
        assertThat(InvitationCode.parse("O1IL-0000-0000")).isEqualTo(new InvitationCode("0111" + "00000000"));
        assertThat(InvitationCode.parse("７ＫＱ２－Ｍ９ＸＤ－４ＴＷＨ")).as("full width, as a Chinese keyboard types it").isEqualTo(code);
        assertThat(InvitationCode.parse("7KQ2—M9XD–4TWH")).as("any dash").isEqualTo(code);
        assertThat(code.toString()).doesNotContain("7KQ2");
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String generated = InvitationCode.generate().value();
            assertThat(generated).matches("[0-9A-HJKMNP-TV-Z]{12}");
            many.add(generated);
        }
        assertThat(many).hasSize(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7KQ2-M9XD-4TW", "7KQ2-M9XD-4TWHX", "7KQ2-M9XD-4TW!", "7KQ2-M9XD-4TWU"})
    void whatCannotBeACodeIsRefusedNamingTheField(String typed) {
        assertThatThrownBy(() -> InvitationCode.parse(typed)).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void onlyTheHashOfACodeIsKeptAndItDiffersForEveryCode() {
        assertThat(new InvitationCode("7KQ2M9XD4TWH").sha256()).hasSize(32)
                .isNotEqualTo(new InvitationCode("7KQ2M9XD4TWJ").sha256())
                .isEqualTo(InvitationCode.parse("7kq2-m9xd-4twh").sha256());
    }

    @Test
    void aCodeIsGoodUntilTheInstantItExpiresAndThenNever() {
        Invitation invitation = Invitation.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Resident.Relation.OWNER, 30, NOW, "staff");

        assertThat(invitation.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(invitation.status(invitation.expiresAt().minusMillis(1))).isEqualTo(Invitation.Status.ACTIVE);
        assertThat(invitation.status(invitation.expiresAt())).isEqualTo(Invitation.Status.EXPIRED);
        assertThatThrownBy(() -> invitation.redeemed(invitation.expiresAt(), "u")).isInstanceOf(CodeNotAccepted.class)
                .hasMessageContaining("expired");
        Invitation used = invitation.redeemed(NOW, "u");
        assertThat(used.status(NOW)).isEqualTo(Invitation.Status.REDEEMED);
        assertThatThrownBy(() -> used.redeemed(NOW, "v")).isInstanceOf(CodeNotAccepted.class).hasMessageContaining("already been used");
        assertThatThrownBy(() -> used.revoked(NOW, "staff")).isInstanceOf(RegistryConflict.class);
        assertThatThrownBy(() -> invitation.revoked(NOW, "staff").redeemed(NOW, "u")).isInstanceOf(CodeNotAccepted.class)
                .hasMessageContaining("withdrawn");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 181, -1})
    void aCodeIsValidForOneTo180Days(int days) {
        assertThatThrownBy(() -> Invitation.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Resident.Relation.OWNER, days, NOW, "s"))
                .isInstanceOfSatisfying(InvalidRegistryData.class, e -> assertThat(e.field()).isEqualTo("validDays"));
        assertThat(Invitation.issue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Resident.Relation.OWNER, 180, NOW, "s").expiresAt())
                .isEqualTo(NOW.plus(Duration.ofDays(180)));
    }

    @Test
    void theGuessingLimitAllowsExactlyNWrongCodesAnHourAndSaysWhenTheNextTryIsAllowed() {
        GuessLimit limit = new GuessLimit(5);
        List<Instant> wrong = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            wrong.add(NOW.minus(Duration.ofMinutes(50 - i * 10)));
        }
        assertThat(limit.secondsToWait(wrong, NOW)).as("4 wrong: the 5th try is allowed").isZero();

        wrong.add(NOW.minusSeconds(1));
        assertThat(limit.secondsToWait(wrong, NOW)).as("5 wrong: wait until the oldest is an hour old").isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(limit.secondsToWait(wrong, NOW.plus(Duration.ofMinutes(10)).minusMillis(1))).isEqualTo(1);
        assertThat(limit.secondsToWait(wrong, NOW.plus(Duration.ofMinutes(10)))).as("the oldest has aged out").isZero();
    }

    @Test
    void aRequestNeedsANameAndAPhoneAndARejectionSaysWhy() {
        assertThatThrownBy(() -> request(Resident.Relation.FAMILY, " ", "13812341234")).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> request(Resident.Relation.FAMILY, "李娜", "12345")).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("phone"));
        BindingRequest request = request(Resident.Relation.TENANT, "李娜", "+86 138-1234-1234");

        assertThat(request.phone()).isEqualTo("13812341234");
        assertThat(request.decidableByOwnerOfRecord()).isTrue();
        assertThat(request(Resident.Relation.OWNER, "李娜", "13812341234").decidableByOwnerOfRecord()).isFalse();
        assertThatThrownBy(() -> request.rejected(NOW, "staff", BindingRequest.Decider.OPERATOR, "")).isInstanceOfSatisfying(InvalidRegistryData.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        BindingRequest approved = request.approved(NOW, "staff", BindingRequest.Decider.OPERATOR);
        assertThatThrownBy(() -> approved.withdrawn(NOW, "u")).isInstanceOf(RegistryConflict.class);
    }

    @Test
    void phonesAreMaskedToOthersKeepingTheFirstThreeAndLastFourDigits() {
        assertThat(Phone.masked("13812341234")).isEqualTo("138****1234");
        assertThat(Phone.masked("01065001234")).isEqualTo("010****1234");
        assertThat(Phone.masked("075512345678")).isEqualTo("075*****5678");
        assertThat(Phone.masked(null)).isNull();
    }

    private static BindingRequest request(Resident.Relation relation, String name, String phone) {
        return BindingRequest.open(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "user", relation, name, phone, null, NOW);
    }
}
