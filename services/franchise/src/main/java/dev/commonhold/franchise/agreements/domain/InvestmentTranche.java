package dev.commonhold.franchise.agreements.domain;

import java.time.LocalDate;

/** An investment the operator committed to (投资承诺): this much, in fen, by this day, for this work. */
public record InvestmentTranche(LocalDate dueOn, long amountFen, String purpose) {

    public InvestmentTranche {
        if (dueOn == null) {
            throw new InvalidTerms("dueOn", "is required");
        }
        Fen.require("amountFen", amountFen, true);
    }
}
