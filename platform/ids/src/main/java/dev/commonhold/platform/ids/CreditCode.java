package dev.commonhold.platform.ids;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of a business: 18 characters of a
 * 31-character set, the last a check character computed from the first 17 (weights 3^i mod 31).
 * Tenants, merchants and franchise parties carry one.
 */
public final class CreditCode {

    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** @return true for 18 characters of the set whose last is the check character of the first 17 */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (CODE_CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == checkCharacter(code);
    }

    /** A valid code from 17 characters of the set: for demo data and tests. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_CHARS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CODE_CHARS.charAt((31 - sum % 31) % 31);
    }
}
