package dev.commonhold.trust.books.app;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The day the money of an entry actually moved, in the community's time zone (see V9__entry_value_date.sql). */
public interface ValueDates {

    void recordAll(UUID communityId, Map<UUID, LocalDate> valueDates);

    Map<UUID, LocalDate> of(UUID communityId, Collection<UUID> entryIds);
}
