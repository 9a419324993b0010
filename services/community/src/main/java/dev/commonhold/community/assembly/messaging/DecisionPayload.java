package dev.commonhold.community.assembly.messaging;

import dev.commonhold.community.assembly.domain.AssemblyEvent;
import dev.commonhold.community.assembly.domain.Resolution;
import dev.commonhold.community.assembly.domain.Tally;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** community.resolution-decided.v1, field for field as in contracts/events/community/resolution-decided.v1.schema.json. */
record DecisionPayload(UUID resolutionId, String title, String matter, String threshold, ElectorateV1 electorate,
                       boolean nonVotersCountAsApproving, TallyV1 tally, boolean quorumMet, String outcome, Instant openedAt,
                       Instant closesAt, Instant decidedAt) {

    record ElectorateV1(String scope, List<UUID> ids, long areaCentiM2, int owners) {
    }

    record Weight(long areaCentiM2, int owners) {
    }

    record Fraction(long numerator, long denominator) {
    }

    record Ratio(Fraction area, Fraction owners) {
    }

    record TallyV1(Weight approving, Weight rejecting, Weight abstaining, Weight participating, Ratio participation, Ratio approval) {
    }

    static DecisionPayload of(AssemblyEvent.ResolutionDecided decided) {
        Resolution r = decided.resolution();
        Tally t = decided.tally();
        TallyV1 tally = new TallyV1(new Weight(t.approvingArea(), t.approvingOwners()), new Weight(t.rejectingArea(), t.rejectingOwners()),
                new Weight(t.abstainingArea(), t.abstainingOwners()), new Weight(t.participatingArea(), t.participatingOwners()),
                new Ratio(new Fraction(t.participatingArea(), t.totalArea()), new Fraction(t.participatingOwners(), t.totalOwners())),
                new Ratio(new Fraction(t.approvingArea(), t.participatingArea()), new Fraction(t.approvingOwners(), t.participatingOwners())));
        return new DecisionPayload(r.id(), r.title(), r.matter().name(), r.threshold().name(),
                new ElectorateV1(r.scope().kind().name(), r.scope().ids(), t.totalArea(), t.totalOwners()), r.nonVotersApprove(), tally,
                t.quorumMet(), r.outcome().name(), r.openedAt(), r.closesAt(), r.decidedAt());
    }
}
