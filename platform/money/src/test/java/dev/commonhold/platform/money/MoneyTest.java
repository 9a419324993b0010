package dev.commonhold.platform.money;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesYuanToFenExactly() {
        assertThat(Money.parse("12.34", Money.CNY)).isEqualTo(Money.fen(1234));
        assertThat(Money.parse("0.1", Money.CNY)).isEqualTo(Money.fen(10));
        assertThat(Money.parse("-5", Money.CNY)).isEqualTo(Money.fen(-500));
    }

    @Test
    void refusesToRoundAnAmountWithMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("12.345", Money.CNY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 2 decimals");
    }

    @Test
    void printsTwoDecimals() {
        assertThat(Money.fen(123_450).toString()).isEqualTo("CNY 1234.50");
        assertThat(Money.fen(-7).toDecimalString()).isEqualTo("-0.07");
        assertThat(Money.yuan(-7)).isEqualTo("-0.07");
        assertThat(Money.yuan(123_456_789)).isEqualTo("1,234,567.89");
        assertThat(Money.yuan(Long.MAX_VALUE)).isEqualTo("92,233,720,368,547,758.07");
    }

    @Test
    void refusesToAddDifferentCurrencies() {
        Money usd = Money.of(100, Currency.getInstance("USD"));
        assertThatThrownBy(() -> Money.fen(100).plus(usd)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.fen(Long.MAX_VALUE).plus(Money.fen(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void allocatesKeepingTheWhole() {
        assertThat(Money.fen(100).allocate(1, 1, 1)).containsExactly(Money.fen(34), Money.fen(33), Money.fen(33));
    }
}
