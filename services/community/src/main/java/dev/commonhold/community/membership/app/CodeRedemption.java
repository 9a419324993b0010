package dev.commonhold.community.membership.app;

import dev.commonhold.community.membership.domain.BindingEvent;
import dev.commonhold.community.membership.domain.CodeNotAccepted;
import dev.commonhold.community.membership.domain.GuessLimit;
import dev.commonhold.community.membership.domain.Invitation;
import dev.commonhold.community.registry.domain.InvalidRegistryData;
import dev.commonhold.community.membership.domain.InvitationCode;
import dev.commonhold.community.membership.domain.TooManyGuesses;
import dev.commonhold.community.registry.app.Communities;
import dev.commonhold.community.registry.app.Units;
import dev.commonhold.community.registry.domain.Community;
import dev.commonhold.community.registry.domain.Phone;
import dev.commonhold.community.registry.domain.Resident;
import dev.commonhold.community.registry.domain.Unit;
import dev.commonhold.platform.security.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A signed-in user enters the code from their invitation sheet and is bound to that unit, as the
 * code says (owner, family member or tenant). The guessing limit comes before the code is looked
 * at, and a wrong code is counted even though the answer is an error.
 */
@Service
public class CodeRedemption {

    /** What the user was bound to; their next token carries it once {@code accountUpdate} is done. */
    public record Redeemed(UUID communityId, String communityName, UUID unitId, Resident.Relation boundAs) {
    }

    /** Who they say they are, for a family member's or tenant's entry in the register (an owner's comes from the register). */
    public record Person(String name, String phone) {
    }

    private sealed interface Result permits Bound, Refused {
    }

    private record Bound(Redeemed redeemed) implements Result {
    }

    private record Refused(RuntimeException why) implements Result {
    }

    private final Invitations invitations;
    private final CodeAttempts attempts;
    private final Units units;
    private final Communities communities;
    private final Binder binder;
    private final AccountSync sync;
    private final TransactionTemplate transaction;
    private final GuessLimit limit;
    private final Clock clock;

    CodeRedemption(Invitations invitations, CodeAttempts attempts, Units units, Communities communities, Binder binder, AccountSync sync,
                   TransactionTemplate transaction, @Value("${commonhold.membership.max-wrong-codes-per-hour:5}") int maxWrongPerHour, Clock clock) {
        this.invitations = invitations;
        this.attempts = attempts;
        this.units = units;
        this.communities = communities;
        this.binder = binder;
        this.sync = sync;
        this.transaction = transaction;
        this.limit = new GuessLimit(maxWrongPerHour);
        this.clock = clock;
    }

    /**
     * @throws InvalidRegistryData  (400) a code that cannot be one, or a missing name for a family member or tenant
     * @throws TooManyGuesses     (429) the guessing limit is reached; nothing is looked up
     * @throws CodeNotAccepted    (422) unknown, expired, withdrawn or used; counted as a wrong try
     * @throws dev.commonhold.community.registry.domain.RegistryConflict (409) already bound; the code stays unused
     */
    public Redeemed redeem(Viewer viewer, String typedCode, Person person) {
        InvitationCode code = InvitationCode.parse(typedCode);
        Result result = transaction.execute(tx -> attempt(viewer.subject(), code, person));
        return switch (result) {
            case Bound bound -> {
                sync.nudge();
                yield bound.redeemed();
            }
            case Refused refused -> throw refused.why();
        };
    }

    private Result attempt(String userId, InvitationCode code, Person person) {
        Instant now = clock.instant();
        attempts.lockUser(userId);
        long wait = limit.secondsToWait(attempts.wrongSince(userId, now.minus(GuessLimit.WINDOW)), now);
        if (wait > 0) {
            return new Refused(new TooManyGuesses(wait, limit.maxWrongPerHour()));
        }
        Invitation invitation = invitations.lockByCode(code.sha256()).orElse(null);
        try {
            if (invitation == null) {
                throw new CodeNotAccepted("no invitation has this code; check it against the sheet (letters and digits, dashes optional), "
                        + "or ask the operator");
            }
            invitation.requireUsable(now);
        } catch (CodeNotAccepted wrong) {
            attempts.record(userId, now, false);
            return new Refused(wrong);
        }
        Unit unit = units.find(invitation.communityId(), invitation.unitId()).orElseThrow();
        bind(unit, invitation, userId, person, now);
        invitations.update(invitation.redeemed(now, userId));
        attempts.record(userId, now, true);
        Community community = communities.find(unit.communityId()).orElseThrow();
        return new Bound(new Redeemed(community.id(), community.name(), unit.id(), invitation.kind()));
    }

    private void bind(Unit unit, Invitation invitation, String userId, Person person, Instant now) {
        Binder.Source source = new Binder.Source(BindingEvent.Via.INVITATION, invitation.id(), userId, now);
        if (invitation.kind() == Resident.Relation.OWNER) {
            binder.bindOwner(unit, userId, source);
            return;
        }
        if (person == null || person.name() == null || person.name().isBlank()) {
            throw new InvalidRegistryData("name", "is required: your name as the register should show it for this home");
        }
        LocalDate today = LocalDate.now(clock.withZone(communities.find(unit.communityId()).orElseThrow().timeZone()));
        binder.bindResident(unit, invitation.kind(), userId, person.name().strip(), phone(person.phone()), today, source);
    }

    static String phone(String phone) {
        try {
            return Phone.normalise(phone);
        } catch (RuntimeException notAPhone) {
            throw new InvalidRegistryData("phone", "'%s' is not a mobile (11 digits) or landline number".formatted(phone));
        }
    }
}
