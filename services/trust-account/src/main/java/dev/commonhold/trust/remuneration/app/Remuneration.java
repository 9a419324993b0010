package dev.commonhold.trust.remuneration.app;

import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.ledger.Account;
import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.TrustAccess;
import dev.commonhold.trust.remuneration.domain.RemunerationContract;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's remuneration (rule T2): its terms are proposed by the operator and take effect
 * only when a member of the committee confirms them; each month, as it closes, the remuneration
 * the terms give is posted as its own line — owed to the operator, paid like any other payment,
 * with two keys.
 */
@Service
public class Remuneration {

    private final TrustAccess access;
    private final RemunerationStore store;
    private final Journal journal;
    private final Clock clock;

    Remuneration(TrustAccess access, RemunerationStore store, Journal journal, Clock clock) {
        this.access = access;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public List<RemunerationStore.Terms> propose(Viewer viewer, UUID communityId, RemunerationContract contract) {
        access.adminOf(viewer, communityId);
        store.propose(Ids.newId(), communityId, contract, viewer.subject(), clock.instant());
        return store.current(communityId);
    }

    @Transactional
    public List<RemunerationStore.Terms> confirm(Viewer viewer, UUID communityId, UUID termsId) {
        CommunityCopy community = access.readable(viewer, communityId);
        String member = access.currentMember(viewer, community).name();
        if (!store.confirm(communityId, termsId, member, clock.instant())) {
            throw ProblemException.conflict("only the latest proposal, not yet confirmed, can be confirmed");
        }
        return store.current(communityId);
    }

    public List<RemunerationStore.Terms> terms(Viewer viewer, UUID communityId) {
        access.readable(viewer, communityId);
        return store.current(communityId);
    }

    /**
     * Posts {@code month}'s remuneration, once, before the month closes: by the terms in force, on the
     * owners' income posted in that month. Nothing without confirmed terms.
     */
    public Optional<Long> accrue(UUID communityId, YearMonth month) {
        Optional<RemunerationStore.Terms> terms = store.inForce(communityId);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        journal.openLedger(communityId, ChartOfAccounts.TEMPLATE); // ledgers opened before the account existed gain it
        Map<String, Long> sums = journal.sumsOfPeriod(communityId, month);
        long income = -journal.accounts(communityId).stream().filter(a -> a.type() == Account.Type.INCOME)
                .mapToLong(a -> sums.getOrDefault(a.code(), 0L)).sum();
        long fen = terms.get().contract().forMonth(income);
        if (fen > 0) {
            journal.post(communityId, List.of(NewEntry.of(month, "%s物业服务酬金（%s）".formatted(month, describe(terms.get().contract(), income)),
                    "remuneration:" + month, List.of(Posting.debit(ChartOfAccounts.REMUNERATION, fen), Posting.credit(ChartOfAccounts.PAYABLE_OPERATOR, fen)))));
        }
        return Optional.of(fen);
    }

    private static String describe(RemunerationContract c, long income) {
        return c.kind() == RemunerationContract.Kind.FIXED ? "固定酬金"
                : "当月收入 %d.%02d 元 × %d.%02d%%，上限 %d.%02d 元".formatted(income / 100, income % 100, c.basisPoints() / 100, c.basisPoints() % 100,
                c.capFen() / 100, c.capFen() % 100);
    }
}
