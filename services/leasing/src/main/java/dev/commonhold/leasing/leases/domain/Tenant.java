package dev.commonhold.leasing.leases.domain;

import dev.commonhold.leasing.spaces.domain.LeasingRuleViolation;

/**
 * Who rents: a person, or a business with its licence number (统一社会信用代码, GB 32100-2015,
 * checked with its check character).
 *
 * @param login the tenant's sign-in name (a Keycloak user with the tenant role), who then sees this lease and its invoices; or null
 */
public record Tenant(Kind kind, String name, String licenceNumber, String phone, String login) {

    public enum Kind { PERSON, BUSINESS }

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** @throws LeasingRuleViolation naming the field */
    public Tenant {
        if (kind == Kind.BUSINESS && !validCreditCode(licenceNumber)) {
            throw new LeasingRuleViolation(null, "tenant.licenceNumber",
                    "a business tenant needs its 18-character unified social credit code (统一社会信用代码), check character included");
        }
        if (kind == Kind.PERSON && licenceNumber != null) {
            throw new LeasingRuleViolation(null, "tenant.licenceNumber", "a person has no business licence; leave it out");
        }
    }

    /** GB 32100-2015: 17 characters of the 31-character set and a check character from them. */
    public static boolean validCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CODE_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CODE_CHARS.charAt(check);
    }

    /** A valid code from 17 characters of the set: for demo data and tests. */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + CODE_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** What owners and regulators see of a person's name: the family name and a mask (王**); a business is shown whole. */
    public String publicName() {
        if (kind == Kind.BUSINESS || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
