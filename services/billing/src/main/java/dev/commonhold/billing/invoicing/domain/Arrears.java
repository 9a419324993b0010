package dev.commonhold.billing.invoicing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Ageing of what is overdue, and rule P5: an arrears claim prescribes 3 years after the day it
 * fell due unless interrupted (a reminder, a demand, a part payment). The period starts the day
 * after the due date and ends at the end of the day three years on (Civil Code art. 188, 201), so
 * on exactly {@code dueOn + 3 years} the claim still stands and the day after it has prescribed.
 */
public final class Arrears {

    private Arrears() {
    }

    public enum Bucket {
        DAYS_1_30, DAYS_31_90, DAYS_91_365, OVER_A_YEAR
    }

    /** @return null when not overdue on {@code asOf} (due today or later) */
    public static Bucket bucket(LocalDate dueOn, LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(dueOn, asOf);
        if (days <= 0) {
            return null;
        }
        return days <= 30 ? Bucket.DAYS_1_30 : days <= 90 ? Bucket.DAYS_31_90 : days <= 365 ? Bucket.DAYS_91_365 : Bucket.OVER_A_YEAR;
    }

    /**
     * Where the prescription period runs from: the due date, or a later reminder (a demand by the
     * creditor interrupts prescription and the period starts again, Civil Code art. 195). A reminder
     * sent before the amount fell due interrupts nothing.
     */
    public static LocalDate lastInterruption(LocalDate dueOn, LocalDate lastReminder) {
        return lastReminder != null && lastReminder.isAfter(dueOn) ? lastReminder : dueOn;
    }

    /** The first day on which the claim has prescribed, counted from the due date or the last interruption (rule P5). */
    public static LocalDate prescribesOn(LocalDate lastInterruptionOrDue) {
        return lastInterruptionOrDue.plusYears(3).plusDays(1);
    }

    public static boolean prescribed(LocalDate lastInterruptionOrDue, LocalDate asOf) {
        return !asOf.isBefore(prescribesOn(lastInterruptionOrDue));
    }
}
