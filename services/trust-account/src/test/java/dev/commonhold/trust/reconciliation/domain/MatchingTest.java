package dev.commonhold.trust.reconciliation.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 10);

    static Matching.BankItem bank(String ref, long fen, LocalDate date) {
        return new Matching.BankItem(UUID.nameUUIDFromBytes(ref.getBytes()), date, fen, ref);
    }

    static Matching.BookItem book(long sequence, long fen, LocalDate date, String description) {
        return new Matching.BookItem(UUID.nameUUIDFromBytes(("e" + sequence).getBytes()), sequence, date, fen, description);
    }

    @Test
    void aTransferWhoseReferenceTheEntryNamesPairsWithItEvenWhenAnotherOfTheSameAmountIsNearer() {
        Matching.BookItem nearer = book(1, 500_00, DAY, "物业费收款 500.00 元 · 现金");
        Matching.BookItem named = book(2, 500_00, DAY.minusDays(2), "物业费收款 500.00 元 · 银行转账 BT20261108001");

        List<Matching.Match> matches = Matching.match(List.of(bank("BT20261108001", 500_00, DAY)), List.of(nearer, named));

        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.entryIds()).containsExactly(named.entryId());
            assertThat(m.how()).isEqualTo(Matching.How.REFERENCE);
        });
    }

    @Test
    void theSameAmountPairsWithinThreeDaysButNotFour() {
        List<Matching.Match> matches = Matching.match(List.of(bank("R1", -300_00, DAY), bank("R2", -400_00, DAY)),
                List.of(book(1, -300_00, DAY.minusDays(Matching.WINDOW_DAYS), "保洁费"), book(2, -400_00, DAY.minusDays(Matching.WINDOW_DAYS + 1), "维修费")));

        assertThat(matches).singleElement().satisfies(m -> assertThat(m.lineId()).isEqualTo(bank("R1", 0, DAY).lineId()));
    }

    @Test
    void eachEntryPairsOnceAndTheNearestDayWins() {
        Matching.BookItem far = book(1, 100_00, DAY.minusDays(2), "a");
        Matching.BookItem near = book(2, 100_00, DAY.minusDays(1), "b");

        List<Matching.Match> matches = Matching.match(List.of(bank("R1", 100_00, DAY), bank("R2", 100_00, DAY), bank("R3", 100_00, DAY)), List.of(far, near));

        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).entryIds()).containsExactly(near.entryId());
        assertThat(matches.get(1).entryIds()).containsExactly(far.entryId());
    }

    @Test
    void aChannelsDailyPayInPairsWithThatDaysPaymentsWhenTheyAddUpExactly() {
        List<Matching.BookItem> day = List.of(book(1, 134_25, DAY.minusDays(1), "a"), book(2, 89_50, DAY.minusDays(1), "b"), book(3, 15_00, DAY.minusDays(1), "c"));

        assertThat(Matching.match(List.of(bank("WX1", 238_75, DAY)), day)).singleElement()
                .satisfies(m -> assertThat(m.how()).isEqualTo(Matching.How.DAY_TOTAL))
                .satisfies(m -> assertThat(m.entryIds()).hasSize(3));
        assertThat(Matching.match(List.of(bank("WX1", 238_76, DAY)), day)).as("one fen over").isEmpty();
    }
}
