package dev.commonhold.community.registry.domain;

import java.util.Locale;

/**
 * A person (or household of joint owners), or the developer (建设单位) holding units it has not yet
 * sold or delivered — all of which count together as one owner in votes (rule V5).
 */
public enum OwnerKind {
    PERSON, DEVELOPER;

    public static OwnerKind parse(String value) {
        String text = value == null ? "" : value.strip();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "person", "owner", "个人", "业主" -> PERSON;
            case "developer", "开发商", "建设单位" -> DEVELOPER;
            default -> throw new InvalidRegistryData("ownerKind", "'%s' is neither person (业主) nor developer (建设单位)".formatted(value));
        };
    }
}
