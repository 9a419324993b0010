package dev.commonhold.franchise.agreements.domain;

import java.util.List;

/** Checks shared by the terms' records: amounts in fen within what any agreement could state, lists without holes. */
public final class Fen {

    /** 10 trillion yuan: more than any franchise states, and far enough from {@code long}'s end that sums of years cannot overflow. */
    public static final long MAX = 1_000_000_000_000_000L;

    private Fen() {
    }

    /** @throws InvalidTerms naming {@code field} when the amount is negative (or not positive when it must be) or above {@link #MAX} */
    public static long require(String field, long fen, boolean positive) {
        if (positive ? fen <= 0 : fen < 0) {
            throw new InvalidTerms(field, positive ? "must be more than 0 fen" : "must not be negative");
        }
        if (fen > MAX) {
            throw new InvalidTerms(field, "at most " + MAX + " fen (10 trillion yuan)");
        }
        return fen;
    }

    /** A copy of the list, empty for none. @throws InvalidTerms naming the element that is null ({@code field[i]}) */
    static <T> List<T> copy(String field, List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidTerms(field + "[" + i + "]", "is empty: leave it out or fill it in");
            }
        }
        return List.copyOf(list);
    }
}
