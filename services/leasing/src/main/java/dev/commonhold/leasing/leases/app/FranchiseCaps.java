package dev.commonhold.leasing.leases.app;

import dev.commonhold.leasing.leases.domain.FranchiseCap;

import java.util.List;
import java.util.UUID;

/** The franchise caps leasing keeps from franchise.tariff-caps-set.v1. */
public interface FranchiseCaps {

    /** Replaces an agreement's caps for a community by a version's, unless a later version is kept already. */
    void replace(UUID communityId, UUID agreementId, int version, List<FranchiseCap> caps);

    /** Every cap of a community for a revenue class, any agreement, any validity. */
    List<FranchiseCap> of(UUID communityId, String revenueClass);
}
