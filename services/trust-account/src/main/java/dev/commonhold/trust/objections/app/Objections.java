package dev.commonhold.trust.objections.app;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.TrustAccess;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Objections to entries (质询, rule T5): an owner of the community asks about an entry, the
 * operator answers, and every reader of the community's account sees both and how long the
 * question waited. An answer is given once and never edited.
 */
@Service
public class Objections {

    /** @param ageDays days since it was raised (open) or until it was answered */
    public record Objection(UUID id, UUID entryId, String question, String raisedByName, Instant raisedAt, String answer, Instant answeredAt,
                            long ageDays, boolean open) {
    }

    private final TrustAccess access;
    private final Journal journal;
    private final ObjectionStore store;
    private final Clock clock;

    Objections(TrustAccess access, Journal journal, ObjectionStore store, Clock clock) {
        this.access = access;
        this.journal = journal;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public Objection raise(Viewer viewer, UUID communityId, UUID entryId, String question) {
        CommunityCopy community = access.readable(viewer, communityId);
        if (!viewer.hasAny(Role.RESIDENT, Role.COMMITTEE) || !viewer.communities().contains(community.id())) {
            throw new AccessDeniedException("owners and residents of this community raise objections; the operator answers them");
        }
        text(question, "question");
        journal.entry(communityId, entryId).orElseThrow(() -> ProblemException.notFound("Entry", entryId));
        UUID id = Ids.newId();
        store.insert(id, communityId, entryId, question.strip(), viewer.subject(), viewer.username(), clock.instant());
        return find(communityId, id);
    }

    @Transactional
    public Objection answer(Viewer viewer, UUID communityId, UUID objectionId, String answer) {
        access.staffOf(viewer, communityId);
        text(answer, "answer");
        find(communityId, objectionId);
        if (!store.answer(communityId, objectionId, answer.strip(), viewer.subject(), clock.instant())) {
            throw ProblemException.conflict("this objection was answered already: an answer is not edited; raise a new objection to ask again");
        }
        return find(communityId, objectionId);
    }

    public List<Objection> list(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return store.list(communityId).stream().map(this::view).toList();
    }

    private Objection find(UUID communityId, UUID id) {
        return store.find(communityId, id).map(this::view).orElseThrow(() -> ProblemException.notFound("Objection", id));
    }

    private Objection view(ObjectionStore.Stored o) {
        Instant until = o.answeredAt() == null ? clock.instant() : o.answeredAt();
        return new Objection(o.id(), o.entryId(), o.question(), o.raisedByName(), o.raisedAt(), o.answer(), o.answeredAt(),
                Duration.between(o.raisedAt(), until).toDays(), o.answeredAt() == null);
    }

    private static void text(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 1_000) {
            throw ProblemException.invalid(field, "must be 1 to 1000 characters");
        }
    }
}
