package dev.commonhold.franchise.agreements.domain;

/**
 * An asset the operating rights cover, in its unit: parking spaces (a count), idle rooms and civil-defence
 * space (0.01 m²), advertising sites (a count).
 */
public record Asset(Kind kind, long quantity, String description) {

    public enum Kind {
        PARKING_SPACES, IDLE_ROOM_CENTI_M2, CIVIL_DEFENCE_CENTI_M2, AD_SITES
    }

    public Asset {
        if (kind == null) {
            throw new InvalidTerms("kind", "is required");
        }
        if (quantity <= 0) {
            throw new InvalidTerms("quantity", "must be more than 0");
        }
    }
}
