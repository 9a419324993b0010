package dev.commonhold.platform.ledger;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static dev.commonhold.platform.ledger.Posting.credit;
import static dev.commonhold.platform.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an entry must be before the journal will take it: balanced to the fen, two legs or more. */
class NewEntryTest {

    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @Test
    void balancedEntryWithManyLegsIsTaken() {
        NewEntry e = NewEntry.of(NOV, "停车费收入", "s1", List.of(debit("1002", 10_000), credit("4101", 6_000), credit("4102", 4_000)));
        assertThat(e.postings()).hasSize(3);
    }

    @Test
    void oneFenOverIsRefusedNamingTheDifference() {
        assertThatThrownBy(() -> NewEntry.of(NOV, "x", null, List.of(debit("1002", 10_001), credit("4101", 10_000))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("is 1 fen")
                .satisfies(e -> assertThat(((LedgerViolation) e).field()).isEqualTo("postings"));
        assertThatThrownBy(() -> NewEntry.of(NOV, "x", null, List.of(debit("1002", 9_999), credit("4101", 10_000))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("is -1 fen");
    }

    @Test
    void aSingleLegOrAZeroLegIsRefused() {
        assertThatThrownBy(() -> NewEntry.of(NOV, "x", null, List.of(new Posting("1002", 0), new Posting("4101", 0))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("0 fen");
        assertThatThrownBy(() -> NewEntry.of(NOV, "x", null, List.of(debit("1002", 1))))
                .isInstanceOf(LedgerViolation.class).hasMessageContaining("2 to 1000 postings");
        assertThatThrownBy(() -> debit("1002", -5)).isInstanceOf(LedgerViolation.class).hasMessageContaining("positive");
    }

    @Test
    void amountsStayExactInJsonAndSumsNeverWrap() {
        assertThat(debit("a", Posting.MAX_FEN).amountFen()).isEqualTo(9_007_199_254_740_991L);
        assertThatThrownBy(() -> debit("a", Posting.MAX_FEN + 1)).isInstanceOf(LedgerViolation.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> NewEntry.of(NOV, "x", null, List.of(debit("a", Posting.MAX_FEN), debit("b", Posting.MAX_FEN),
                debit("c", Posting.MAX_FEN), credit("d", 1)))).isInstanceOf(LedgerViolation.class);
    }

    @Test
    void aLateItemBelongsToAnEarlierMonth() {
        assertThat(new NewEntry(NOV, YearMonth.of(2026, 10), "迟到的收入", null, null, List.of(debit("1", 5), credit("2", 5))).belongsTo())
                .isEqualTo(YearMonth.of(2026, 10));
        assertThatThrownBy(() -> new NewEntry(NOV, NOV, "x", null, null, List.of(debit("1", 5), credit("2", 5))))
                .isInstanceOf(LedgerViolation.class).satisfies(e -> assertThat(((LedgerViolation) e).field()).isEqualTo("belongsTo"));
    }

    @Test
    void descriptionsAreBounded() {
        String longest = "账".repeat(NewEntry.MAX_DESCRIPTION);
        assertThat(NewEntry.of(NOV, longest, null, List.of(debit("1", 5), credit("2", 5))).description()).hasSize(500);
        assertThatThrownBy(() -> NewEntry.of(NOV, longest + "账", null, List.of(debit("1", 5), credit("2", 5))))
                .isInstanceOf(LedgerViolation.class);
    }
}
