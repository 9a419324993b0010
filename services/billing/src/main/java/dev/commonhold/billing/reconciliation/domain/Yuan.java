package dev.commonhold.billing.reconciliation.domain;

import java.math.BigDecimal;

/** Statements give yuan as text ("134.25", "-0.01"); fen exactly, or null when it is not an amount of whole fen. */
final class Yuan {

    private Yuan() {
    }

    static Long toFen(String text) {
        try {
            return new BigDecimal(text.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
