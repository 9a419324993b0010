package dev.commonhold.community.assembly.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who may vote and with what weight, fixed when voting opens so that later sales do not alter an
 * open vote. Rule V5: one owner per unit, except that one owner of several units — the developer
 * holding what it has not sold or delivered, or a buyer of several flats — counts once, with the
 * area of all those units.
 */
public record Electorate(List<Voter> voters) {

    /** A unit in scope and the owner registered for it when voting opens. */
    public record Holding(UUID unitId, UUID ownerId, String ownerKind, String ownerName, long areaCentiSquareMetres) {
    }

    public Electorate {
        voters = List.copyOf(voters);
        if (voters.isEmpty()) {
            throw new ResolutionRuleViolation("electorate", "no registered units in scope: there is nobody to vote");
        }
    }

    public static Electorate of(List<Holding> holdings) {
        Map<UUID, Voter> byOwner = new LinkedHashMap<>();
        for (Holding h : holdings) {
            byOwner.merge(h.ownerId(), new Voter(h.ownerId(), h.ownerKind(), h.ownerName(), h.areaCentiSquareMetres(), 1),
                    (a, b) -> new Voter(a.ownerId(), a.ownerKind(), a.name(), Math.addExact(a.areaCentiSquareMetres(), b.areaCentiSquareMetres()),
                            a.units() + b.units()));
        }
        return new Electorate(List.copyOf(byOwner.values()));
    }

    public long totalArea() {
        return voters.stream().mapToLong(Voter::areaCentiSquareMetres).sum();
    }

    public int totalOwners() {
        return voters.size();
    }
}
