package dev.commonhold.platform.web.paging;

import dev.commonhold.platform.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Cursor pagination: a query fetches {@code limit + 1} rows after the cursor's key, ordered by
 * that key; the extra row only tells whether there is a next page.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final String PREFIX = "v1:";

    private Cursors() {
    }

    /** The key to continue after, or null for the first page; a tampered cursor is a 400 naming it. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX) && decoded.length() > PREFIX.length()) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through
        }
        throw ProblemException.invalid("cursor", "not a cursor this API gave out; start again without it");
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** Builds the page from {@code limit + 1} fetched rows. */
    public static <T> Page<T> page(List<T> fetched, int limit, Function<T, String> keyOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), encode(keyOf.apply(items.getLast())));
    }

    /**
     * One page of a list ordered by UUIDv7 id (creation order): decodes the cursor, asks for
     * {@code limit + 1} items after it, and builds the page.
     */
    public static <T> Page<T> byId(String cursor, Integer limit, BiFunction<UUID, Integer, List<T>> itemsAfter, Function<T, UUID> idOf) {
        int size = limit(limit);
        String after = after(cursor);
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.invalid("cursor", "not a cursor this API gave out; start again without it");
        }
        return page(itemsAfter.apply(afterId, size + 1), size, item -> idOf.apply(item).toString());
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }
}
