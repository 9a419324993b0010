package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;
import dev.commonhold.platform.ids.CreditCode;
import dev.commonhold.platform.ids.PersonNames;

/**
 * Who rents: a person, or a business with its licence number (统一社会信用代码, GB 32100-2015,
 * checked with its check character).
 *
 * @param login the tenant's sign-in name (a Keycloak user with the tenant role), who then sees this lease and its invoices; or null
 */
public record Tenant(Kind kind, String name, String licenceNumber, String phone, String login) {

    public enum Kind { PERSON, BUSINESS }

    /** @throws LeasingRuleViolation naming the field */
    public Tenant {
        if (kind == Kind.BUSINESS && !CreditCode.valid(licenceNumber)) {
            throw new LeasingRuleViolation(null, "tenant.licenceNumber",
                    "a business tenant needs its 18-character unified social credit code (统一社会信用代码), check character included");
        }
        if (kind == Kind.PERSON && licenceNumber != null) {
            throw new LeasingRuleViolation(null, "tenant.licenceNumber", "a person has no business licence; leave it out");
        }
    }

    /** What owners and regulators see of a person's name: the family name and a mask (王**); a business is shown whole. */
    public String publicName() {
        return kind == Kind.BUSINESS ? name : PersonNames.masked(name);
    }
}
