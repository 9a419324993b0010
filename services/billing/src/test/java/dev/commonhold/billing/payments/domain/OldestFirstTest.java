package dev.commonhold.billing.payments.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Part payments settle the oldest debt first; what is left over is credit, never lost. */
class OldestFirstTest {

    private static OpenLine line(LocalDate due, long amount, long paid) {
        return new OpenLine(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "unit", "1号楼-201",
                null, "property_fee", null, amount, paid, due);
    }

    @Test
    void aPartPaymentClearsTheOldestLineFirst() {
        OpenLine december = line(LocalDate.of(2026, 12, 15), 13_425, 0);
        OpenLine november = line(LocalDate.of(2026, 11, 15), 13_425, 0);
        OldestFirst.Result result = OldestFirst.apply(20_000, List.of(december, november));
        assertThat(result.shares()).extracting(OldestFirst.Share::line).containsExactly(november, december);
        assertThat(result.shares()).extracting(OldestFirst.Share::amountFen).containsExactly(13_425L, 6_575L);
        assertThat(result.shares().get(0).settlesLine()).isTrue();
        assertThat(result.shares().get(1).settlesLine()).isFalse();
        assertThat(result.leftOverFen()).isZero();
    }

    @Test
    void onlyWhatIsStillOpenIsTakenAndTheRestIsCredit() {
        OpenLine partlyPaid = line(LocalDate.of(2026, 11, 15), 13_425, 13_000);
        OldestFirst.Result result = OldestFirst.apply(1_000, List.of(partlyPaid));
        assertThat(result.shares()).extracting(OldestFirst.Share::amountFen).containsExactly(425L);
        assertThat(result.leftOverFen()).isEqualTo(575);
    }

    @Test
    void exactlyTheOpenAmountLeavesNoCreditOneFenMoreLeavesOne() {
        OpenLine open = line(LocalDate.of(2026, 11, 15), 13_425, 0);
        assertThat(OldestFirst.apply(13_425, List.of(open)).leftOverFen()).isZero();
        assertThat(OldestFirst.apply(13_426, List.of(open)).leftOverFen()).isEqualTo(1);
    }

    @Test
    void withNothingOpenEverythingIsCredit() {
        assertThat(OldestFirst.apply(5_000, List.of()).leftOverFen()).isEqualTo(5_000);
    }
}
