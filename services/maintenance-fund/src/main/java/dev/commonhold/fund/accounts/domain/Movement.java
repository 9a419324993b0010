package dev.commonhold.fund.accounts.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a sub-account's statement (F8).
 *
 * @param amountFen + into the sub-account, - out of it; never 0
 * @param valueDate the day the money moved, which counts for interest by daily balance
 * @param reference what caused it: a charge, a project, an interest period
 */
public record Movement(UUID id, UUID unitId, Kind kind, long amountFen, LocalDate valueDate, String description, String reference) {

    public enum Kind { OPENING, DEPOSIT, TOP_UP, INTEREST, PROJECT, SHORTFALL, REFUND }

    public Movement {
        if (amountFen == 0) {
            throw new IllegalArgumentException("a movement of 0 fen moves nothing");
        }
    }
}
