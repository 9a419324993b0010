package dev.commonhold.platform.web.paging;

import java.util.List;

/**
 * One page of a list answer. {@code next} is an opaque cursor for the following page; it is null
 * on the last page. Cursors (not offsets) keep pages stable while rows are being added.
 */
public record Page<T>(List<T> items, String next) {
}
