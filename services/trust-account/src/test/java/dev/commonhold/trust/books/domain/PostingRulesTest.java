package dev.commonhold.trust.books.domain;

import dev.commonhold.platform.messaging.EventSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose money each revenue class is (DESIGN.md table; T1, T2), and that no class of the contract is left to chance. */
class PostingRulesTest {

    @Test
    void owners_commonIncomeIsPostedAsTheirIncome() {
        assertThat(PostingRules.forClass("parking_common", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_PARKING_COMMON));
        assertThat(PostingRules.forClass("lease_common_part", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_LEASING_COMMON));
        assertThat(PostingRules.forClass("advertising_common", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_ADVERTISING));
        assertThat(PostingRules.forClass("commerce_commission", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_COMMERCE_COMMISSION));
        assertThat(PostingRules.forClass("franchise_revenue_share", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_FRANCHISE_SHARE));
    }

    @Test
    void propertyFeesAreTheOwners_OnlyUnderTheTrustModel() {
        assertThat(PostingRules.forClass("property_fee", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_PROPERTY_FEES));
        assertThat(PostingRules.forClass("property_fee", null, false)).isInstanceOf(PostingRules.NotOwners.class);
    }

    @Test
    void moneyHeldForOthersIsALiabilityAndTheOperator_sIsNotPosted() {
        assertThat(PostingRules.forClass("lease_public_space", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.PAYABLE_GOVERNMENT));
        assertThat(PostingRules.forClass("franchise_government_share", null, true)).as("a government payee's share passes through")
                .isEqualTo(new PostingRules.Post(ChartOfAccounts.PAYABLE_GOVERNMENT));
        assertThat(PostingRules.forClass("merchant_proceeds", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.PAYABLE_MERCHANTS));
        assertThat(PostingRules.forClass("deposit", null, true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.DEPOSITS_HELD));
        assertThat(PostingRules.forClass("parking_operator", null, true)).isInstanceOf(PostingRules.NotOwners.class);
        assertThat(PostingRules.forClass("lease_operator_space", null, true)).isInstanceOf(PostingRules.NotOwners.class);
        assertThat(PostingRules.forClass("fund_deposit", null, true)).isInstanceOf(PostingRules.NotOwners.class);
    }

    @Test
    void aLateFeeFollowsItsBaseClass() {
        assertThat(PostingRules.forClass("late_fee", "parking_common", true)).isEqualTo(new PostingRules.Post(ChartOfAccounts.INCOME_PARKING_COMMON));
        assertThat(PostingRules.forClass("late_fee", "property_fee", false)).isInstanceOf(PostingRules.NotOwners.class);
        assertThat(PostingRules.forClass("late_fee", null, true)).isInstanceOf(PostingRules.Suspense.class);
    }

    @Test
    void anUnknownClassGoesToSuspenseNeverNowhere() {
        assertThat(PostingRules.forClass("roof_solar_common", null, true)).isEqualTo(new PostingRules.Suspense("roof_solar_common"));
    }

    @Test
    void everyClassOfTheContractHasADeliberateRule() throws IOException {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/contracts/events/shared/revenue-class.v1.schema.json")) {
            assertThat(in).as("contracts on the classpath").isNotNull();
            JsonNode schema = JsonMapper.builder().build().readTree(in);
            List<String> classes = new ArrayList<>();
            schema.get("enum").forEach(c -> classes.add(c.asString()));
            assertThat(classes).hasSizeGreaterThanOrEqualTo(12);
            classes.stream().filter(c -> !c.equals("late_fee"))
                    .forEach(c -> assertThat(PostingRules.forClass(c, null, true)).as(c).isNotInstanceOf(PostingRules.Suspense.class));
        }
    }
}
