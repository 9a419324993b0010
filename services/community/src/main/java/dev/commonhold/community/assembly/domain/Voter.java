package dev.commonhold.community.assembly.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One owner in a vote's electorate, with the weight they carry: the registered exclusive area of
 * all their units in scope (in 0.01 m²) and one owner's head, however many units they hold (V5).
 */
public record Voter(UUID ownerId, String ownerKind, String name, long areaCentiSquareMetres, int units) {

    public Voter {
        Objects.requireNonNull(ownerId, "ownerId");
        if (areaCentiSquareMetres <= 0 || units <= 0) {
            throw new IllegalArgumentException("a voter holds at least one unit with an area");
        }
    }
}
