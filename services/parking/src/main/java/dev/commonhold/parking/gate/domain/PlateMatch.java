package dev.commonhold.parking.gate.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule K4's fuzzy step: is a plate read at the exit the same car as one still inside? Two plates
 * of the same length match when they differ in exactly one position (one character misread,
 * most often the province character at night), or when every position they differ in is a pair
 * cameras confuse — 0/O/D/Q, 1/I, 8/B, 2/Z, 5/S — in at most two positions. Anything else is not
 * the same car. A read with more than one candidate inside is not matched automatically: the
 * gate staff choose (the first step of K4).
 */
public final class PlateMatch {

    private static final List<Set<Character>> CONFUSABLE = List.of(Set.of('0', 'O', 'D', 'Q'), Set.of('1', 'I'), Set.of('8', 'B'),
            Set.of('2', 'Z'), Set.of('5', 'S'));
    static final int MAX_CONFUSABLE_POSITIONS = 2;

    /** Why two plates were taken for the same car, shown to staff and kept with the session. */
    public enum Kind {
        EXACT, ONE_CHARACTER_OFF, CONFUSABLE
    }

    private PlateMatch() {
    }

    /** @return how {@code read} matches {@code inside}, or null when it does not */
    public static Kind of(String read, String inside) {
        if (read.equals(inside)) {
            return Kind.EXACT;
        }
        if (read.length() != inside.length()) {
            return null;
        }
        int differing = 0;
        boolean allConfusable = true;
        for (int i = 0; i < read.length(); i++) {
            char a = read.charAt(i);
            char b = inside.charAt(i);
            if (a != b) {
                differing++;
                allConfusable &= confusable(a, b);
            }
        }
        if (differing == 1) {
            return allConfusable ? Kind.CONFUSABLE : Kind.ONE_CHARACTER_OFF;
        }
        return allConfusable && differing <= MAX_CONFUSABLE_POSITIONS ? Kind.CONFUSABLE : null;
    }

    /** The plates inside that match the read, with how; empty when none does. */
    public static Map<String, Kind> candidates(String read, List<String> inside) {
        Map<String, Kind> found = new java.util.LinkedHashMap<>();
        for (String plate : inside) {
            Kind kind = of(read, plate);
            if (kind != null) {
                found.put(plate, kind);
            }
        }
        return found;
    }

    static boolean confusable(char a, char b) {
        return CONFUSABLE.stream().anyMatch(group -> group.contains(a) && group.contains(b));
    }
}
