package dev.commonhold.trust.register;

import java.time.LocalDate;
import java.util.UUID;

/** A member of a community's current committee, as community.state last said (committee-state.v1). */
public record CommitteeMember(UUID memberId, String name, String role, String userId, LocalDate termStart, LocalDate termEnd) {

    /** Sits on the committee on {@code day}: the term has begun and not ended. */
    public boolean servesOn(LocalDate day) {
        return !day.isBefore(termStart) && !day.isAfter(termEnd);
    }
}
