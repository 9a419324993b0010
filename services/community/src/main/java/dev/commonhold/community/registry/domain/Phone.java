package dev.commonhold.community.registry.domain;

/** Contact numbers as owners give them: a mainland mobile (11 digits) or a landline with area code. */
final class Phone {

    private Phone() {
    }

    static String normalise(String phone) {
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
