package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.RentTerms;
import dev.commonhold.leasing.leases.domain.Tenant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the operator's staff ask for when they record a lease.
 *
 * @param cutToLegalTerm a term over 20 years is cut to 20 years (L1) instead of refused
 * @param resolutionId   the owners' V2 resolution letting a common part (L5); required for common parts
 */
public record NewLease(Tenant tenant, List<UUID> spaceIds, String purpose, LocalDate startOn, LocalDate endOn, boolean cutToLegalTerm,
                       boolean writtenContract, String contractSha256, RentTerms rent, UUID resolutionId) {
}
