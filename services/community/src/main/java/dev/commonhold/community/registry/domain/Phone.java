package dev.commonhold.community.registry.domain;

/** Contact numbers as owners give them: a mainland mobile (11 digits) or a landline with area code. */
public final class Phone {

    private Phone() {
    }

    /**
     * As shown to anyone but the person and the operator who keeps the register (privacy):
     * {@code 138****1234}; a landline keeps its area code and last four digits.
     */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 8) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    public static String normalise(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[\\s-]", "").replaceFirst("^\\+86", "");
        if (!digits.matches("1[3-9][0-9]{9}|0[1-9][0-9]{8,10}")) {
            throw new InvalidRegistryData("ownerPhone", "'%s' is not a mobile (11 digits) or landline number".formatted(phone));
        }
        return digits;
    }
}
