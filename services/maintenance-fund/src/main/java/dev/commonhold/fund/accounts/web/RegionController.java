package dev.commonhold.fund.accounts.web;

import dev.commonhold.fund.accounts.app.AccountQueries;
import dev.commonhold.fund.accounts.app.SubAccounts;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The funds of a district or a city at once, for the housing bureau (F8): totals per community and in all, no owner by name. */
@RestController
@Tag(name = "Regions")
@RequestMapping("/api/fund/regions/{divisionPrefix}")
class RegionController {

    /** fen; {@code owedToOwnersFen} the ledger's figure beside the sum of the sub-accounts */
    record RegionView(String divisionPrefix, int communities, int subAccounts, long balanceFen, int belowTopUpLine, long paidToContractorsFen,
                      List<SubAccounts.CommunityTotals> byCommunity) {
    }

    private final AccountQueries queries;

    RegionController(AccountQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/summary")
    RegionView regionSummary(Viewer viewer, @PathVariable String divisionPrefix) {
        List<SubAccounts.CommunityTotals> all = queries.region(viewer, divisionPrefix);
        return new RegionView(divisionPrefix, all.size(), all.stream().mapToInt(SubAccounts.CommunityTotals::subAccounts).sum(),
                all.stream().mapToLong(SubAccounts.CommunityTotals::balanceFen).sum(),
                all.stream().mapToInt(SubAccounts.CommunityTotals::belowTopUpLine).sum(),
                all.stream().mapToLong(SubAccounts.CommunityTotals::paidToContractorsFen).sum(), all);
    }
}
