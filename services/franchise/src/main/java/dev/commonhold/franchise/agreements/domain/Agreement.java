package dev.commonhold.franchise.agreements.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One version of an agreement: version 1 from the term's first day; an amendment (补充协议) is a new version
 * from its effective day, never an edit, and the earlier versions stay readable.
 *
 * @param amendmentReason why it was amended (null for version 1)
 */
public record Agreement(UUID id, int version, LocalDate effectiveFrom, String amendmentReason, AgreementTerms terms) {

    public Agreement {
        if (version < 1) {
            throw new InvalidTerms("version", "starts at 1");
        }
        if (effectiveFrom == null || !terms.term().covers(effectiveFrom)) {
            throw new InvalidTerms("effectiveFrom", "must fall within the term " + terms.term().startsOn() + " – " + terms.term().endsOn());
        }
        if (version > 1 && (amendmentReason == null || amendmentReason.isBlank())) {
            throw new InvalidTerms("reason", "say why the agreement is amended");
        }
    }
}
