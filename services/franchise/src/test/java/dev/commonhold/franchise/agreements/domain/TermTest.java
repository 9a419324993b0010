package dev.commonhold.franchise.agreements.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FR1: a franchise term is at most 40 years. */
class TermTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void exactlyFortyYearsIsAllowed() {
        Term term = new Term(START, LocalDate.of(2065, 12, 31));

        assertThat(term.covers(LocalDate.of(2065, 12, 31))).isTrue();
        assertThat(term.covers(LocalDate.of(2066, 1, 1))).isFalse();
    }

    @Test
    void fortyYearsAndADayIsRefusedNamingTheRuleAndTheLastPossibleDay() {
        assertThatThrownBy(() -> new Term(START, LocalDate.of(2066, 1, 1)))
                .isInstanceOfSatisfying(InvalidTerms.class, e -> {
                    assertThat(e.field()).isEqualTo("endsOn");
                    assertThat(e.rule()).isEqualTo("FR1");
                    assertThat(e.getMessage()).contains("2065-12-31");
                });
    }

    @Test
    void aLeapDayStartEndsTheDayBeforeItsFortiethAnniversary() {
        assertThat(Term.lastPossibleDay(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2068, 2, 28));
        assertThatThrownBy(() -> new Term(LocalDate.of(2028, 2, 29), LocalDate.of(2068, 2, 29))).isInstanceOf(InvalidTerms.class);
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> new Term(START, START.minusDays(1))).isInstanceOfSatisfying(InvalidTerms.class,
                e -> assertThat(e.field()).isEqualTo("endsOn"));
    }
}
