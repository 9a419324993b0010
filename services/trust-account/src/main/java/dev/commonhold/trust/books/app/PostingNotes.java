package dev.commonhold.trust.books.app;

import java.util.UUID;

/** Settlements kept aside for people to see: a class in suspense, or money that is not the owners'. */
public interface PostingNotes {

    enum Kind { SUSPENSE, NOT_OWNERS }

    void note(String source, UUID communityId, Kind kind, String revenueClass, long amountFen, String detail);
}
