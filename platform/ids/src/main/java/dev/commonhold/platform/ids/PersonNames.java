package dev.commonhold.platform.ids;

/** How a person's name is shown to anyone but the operator's staff (owners, regulators, events): 王**. */
public final class PersonNames {

    private PersonNames() {
    }

    /** The first character (the family name, for most Chinese names) and one mask per further character; empty stays empty. */
    public static String masked(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
    }
}
