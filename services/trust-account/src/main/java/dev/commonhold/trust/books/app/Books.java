package dev.commonhold.trust.books.app;

import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
import dev.commonhold.trust.books.domain.EntryText;
import dev.commonhold.trust.books.domain.PostingRules;
import dev.commonhold.trust.register.CommunityCopy;
import dev.commonhold.trust.register.Register;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each community's books: opened with the chart of accounts when the community appears, and
 * posted from what billing settles (into the co-managed bank account, 1002), once per settlement (the settlement id is the entry's source),
 * by the posting rule of its revenue class. An entry goes in the month the money was settled in,
 * or, when that month is closed, in the current month naming the month it belongs to.
 */
@Service
public class Books {

    private static final Logger log = LoggerFactory.getLogger(Books.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String CREDIT = "CREDIT";

    private final Journal journal;
    private final Register register;
    private final PostingNotes notes;
    private final ValueDates valueDates;
    private final Clock clock;

    Books(Journal journal, Register register, PostingNotes notes, ValueDates valueDates, Clock clock) {
        this.journal = journal;
        this.register = register;
        this.notes = notes;
        this.valueDates = valueDates;
        this.clock = clock;
    }

    /** Opens the community's ledger (or adds accounts the template gained since). */
    public void open(UUID communityId) {
        journal.openLedger(communityId, ChartOfAccounts.TEMPLATE);
    }

    /** The source of the entry a settlement posts: the same settlement delivered again posts nothing. */
    public static String source(UUID settlementId) {
        return "billing.settlement:" + settlementId;
    }

    /** Posts one settled line by its class: {@link #settledAll} of one. */
    @Transactional
    public void settled(Settled s) {
        settledAll(List.of(s));
    }

    /**
     * Posts settled lines by their class, each community's in one journal statement, in order. Paid
     * from a household's credit in a trust-model community, the money is already in the account as
     * prepaid fees (2203, posted when it came in), so the entry moves it out of 2203 instead of
     * debiting the bank — and when the class is not the owners', into what the account owes its
     * owner (the operator, the maintenance fund).
     */
    @Transactional
    public void settledAll(List<Settled> settlements) {
        Map<UUID, List<Settled>> byCommunity = new LinkedHashMap<>();
        settlements.forEach(s -> byCommunity.computeIfAbsent(s.communityId(), c -> new ArrayList<>()).add(s));
        byCommunity.forEach(this::postSettlements);
    }

    private void postSettlements(UUID communityId, List<Settled> settlements) {
        Optional<CommunityCopy> community = register.community(communityId);
        boolean trustModel = community.map(CommunityCopy::trustModel).orElse(true);
        ZoneId zone = zone(community);
        Map<YearMonth, Placed> places = new HashMap<>();
        List<NewEntry> entries = new ArrayList<>();
        Map<String, LocalDate> valueDays = new HashMap<>();
        for (Settled s : settlements) {
            String debit = trustModel && CREDIT.equals(s.channel()) ? ChartOfAccounts.PREPAID_FEES : ChartOfAccounts.BANK;
            String credit = creditAccount(s, trustModel, debit);
            if (credit != null) {
                Placed placed = places.computeIfAbsent(YearMonth.from(s.settledAt().atZone(zone)), m -> place(communityId, s.settledAt(), zone));
                entries.add(new NewEntry(placed.period(), placed.belongsTo(), EntryText.settlement(s.revenueClass(), s.baseRevenueClass(), s.amountFen(),
                        s.channel(), s.channelTransactionId(), s.payerReference()), source(s.settlementId()), null,
                        List.of(Posting.debit(debit, s.amountFen()), Posting.credit(credit, s.amountFen()))));
                valueDays.put(source(s.settlementId()), LocalDate.ofInstant(s.settledAt(), zone));
            }
        }
        if (!entries.isEmpty()) {
            open(communityId);
            Map<UUID, LocalDate> dates = new HashMap<>();
            journal.post(communityId, entries).forEach(e -> dates.put(e.id(), valueDays.get(e.source())));
            valueDates.recordAll(communityId, dates);
        }
    }

    /** The account a settlement credits, or null when it is not posted (not the owners', seen and noted). */
    private String creditAccount(Settled s, boolean trustModel, String debit) {
        String source = source(s.settlementId());
        return switch (PostingRules.forClass(s.revenueClass(), s.baseRevenueClass(), trustModel)) {
            case PostingRules.Post post -> post.creditAccount();
            case PostingRules.NotOwners not when debit.equals(ChartOfAccounts.PREPAID_FEES) -> not.payable();
            case PostingRules.NotOwners not -> {
                notes.note(source, s.communityId(), PostingNotes.Kind.NOT_OWNERS, s.revenueClass(), s.amountFen(), "not posted: " + not.whose());
                yield null;
            }
            case PostingRules.Suspense suspense -> {
                notes.note(source, s.communityId(), PostingNotes.Kind.SUSPENSE, s.revenueClass(), s.amountFen(),
                        "revenue class " + suspense.revenueClass() + " has no posting rule: held in suspense (2241) until someone assigns it");
                log.warn("community {}: settlement {} of {} fen has unknown revenue class {}; posted to suspense", s.communityId(), s.settlementId(),
                        s.amountFen(), s.revenueClass());
                yield ChartOfAccounts.SUSPENSE;
            }
        };
    }

    /**
     * Part of a payment became a household's credit (billing.credit-received.v1): under the trust
     * model the money is the owners' account's to hold for that household until it pays a bill or is
     * refunded — prepaid fees, 2203. Under a lump-sum contract prepaid fees are the operator's and
     * are not posted.
     */
    @Transactional
    public void credited(UUID communityId, UUID paymentId, long fen, String description, Instant at) {
        creditMovement(communityId, "billing.credit:" + paymentId, description, at, ChartOfAccounts.BANK, ChartOfAccounts.PREPAID_FEES, fen);
    }

    /** A household's credit paid back to it (billing.refund-issued.v1, rule P6): out of prepaid fees and the bank. */
    @Transactional
    public void refunded(UUID communityId, UUID refundId, long fen, String description, Instant at) {
        creditMovement(communityId, "billing.refund:" + refundId, description, at, ChartOfAccounts.PREPAID_FEES, ChartOfAccounts.BANK, fen);
    }

    /** The credit a reversed payment had left is taken back with it (billing.credit-reversed.v1): the money left the bank. */
    @Transactional
    public void creditReversed(UUID communityId, UUID paymentId, long fen, String description, Instant at) {
        creditMovement(communityId, "billing.credit-reversal:" + paymentId, description, at, ChartOfAccounts.PREPAID_FEES, ChartOfAccounts.BANK, fen);
    }

    private void creditMovement(UUID communityId, String source, String description, Instant at, String debit, String credit, long fen) {
        Optional<CommunityCopy> community = register.community(communityId);
        if (!community.map(CommunityCopy::trustModel).orElse(true)) {
            log.info("community {}: {} not posted: prepaid fees are the operator's under a lump-sum contract (T2)", communityId, source);
            return;
        }
        post(communityId, at, community, description, source, debit, credit, fen);
    }

    /** What of a lease's deposit went to charges it still owed at its end (leasing.lease-ended.v1, rule L3). */
    public record DepositApplied(String revenueClass, long amountFen) {
    }

    /**
     * A lease ended and its deposit, held for the tenant in deposits held (2301), paid what the tenant
     * still owed (those charges were cancelled in billing as settled from the deposit): one entry moves
     * each amount from 2301 to where its class belongs — the owners' income, a payable to the
     * government or the operator — as a settlement of that class would have. The rest stays in 2301
     * until it is paid back to the tenant.
     */
    @Transactional
    public void depositApplied(UUID communityId, UUID leaseId, String leaseNumber, List<DepositApplied> applied, Instant at) {
        if (applied.isEmpty() || journal.entryBySource(communityId, "leasing.deposit-applied:" + leaseId).isPresent()) {
            return;
        }
        Optional<CommunityCopy> community = register.community(communityId);
        boolean trustModel = community.map(CommunityCopy::trustModel).orElse(true);
        long total = applied.stream().mapToLong(DepositApplied::amountFen).sum();
        Map<String, Long> credits = new LinkedHashMap<>();
        for (DepositApplied a : applied) {
            credits.merge(switch (PostingRules.forClass(a.revenueClass(), null, trustModel)) {
                case PostingRules.Post post -> post.creditAccount();
                case PostingRules.NotOwners not -> not.payable();
                case PostingRules.Suspense suspense -> ChartOfAccounts.SUSPENSE;
            }, a.amountFen(), Long::sum);
        }
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(ChartOfAccounts.DEPOSITS_HELD, total));
        credits.forEach((account, fen) -> postings.add(Posting.credit(account, fen)));
        open(communityId);
        Placed placed = place(communityId, at, zone(community));
        journal.post(communityId, List.of(new NewEntry(placed.period(), placed.belongsTo(), EntryText.depositApplied(total, leaseNumber),
                "leasing.deposit-applied:" + leaseId, null, postings)))
                .forEach(entry -> valueDates.recordAll(communityId, Map.of(entry.id(), LocalDate.ofInstant(at, zone(community)))));
    }

    /**
     * Money paid out of the co-managed account for what it held or earned on someone's behalf: a
     * commerce refund (out of commission income and what is held for merchants) or a merchant's
     * settlement (out of what is held for merchants). One entry, crediting the bank; an amount of 0 is
     * left out; nothing is posted twice for one {@code source}.
     *
     * @param debits account → fen, in the order they are to appear
     */
    @Transactional
    public void paidOut(UUID communityId, String source, String description, Map<String, Long> debits, Instant at) {
        long total = debits.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0 || journal.entryBySource(communityId, source).isPresent()) {
            return;
        }
        Optional<CommunityCopy> community = register.community(communityId);
        List<Posting> postings = new ArrayList<>();
        debits.forEach((account, fen) -> {
            if (fen > 0) {
                postings.add(Posting.debit(account, fen));
            }
        });
        postings.add(Posting.credit(ChartOfAccounts.BANK, total));
        open(communityId);
        Placed placed = place(communityId, at, zone(community));
        journal.post(communityId, List.of(new NewEntry(placed.period(), placed.belongsTo(), description, source, null, postings)))
                .forEach(entry -> valueDates.recordAll(communityId, Map.of(entry.id(), LocalDate.ofInstant(at, zone(community)))));
    }

    /** A settled payment was taken back (bank reversal, fraud): its entry is reversed, never edited. */
    @Transactional
    public void reversed(UUID communityId, UUID settlementId, String reason, Instant at) {
        Optional<JournalEntry> original = journal.entryBySource(communityId, source(settlementId));
        if (original.isEmpty()) {
            log.info("community {}: reversal of settlement {} which was not posted here (not the owners' money)", communityId, settlementId);
            return;
        }
        Placed placed = place(communityId, at, zone(register.community(communityId)));
        if (journal.entryBySource(communityId, "reversal:" + settlementId).isEmpty()) {
            journal.reverse(communityId, original.get().id(), placed.period(), "冲销 #%d：%s（原分录：%s）".formatted(original.get().sequence(), reason,
                    original.get().description()), "reversal:" + settlementId);
        }
    }

    private void post(UUID communityId, Instant at, Optional<CommunityCopy> community, String description, String source, String debit, String credit,
                      long fen) {
        open(communityId);
        Placed placed = place(communityId, at, zone(community));
        journal.post(communityId, List.of(new NewEntry(placed.period(), placed.belongsTo(), description, source, null,
                List.of(Posting.debit(debit, fen), Posting.credit(credit, fen)))))
                .forEach(entry -> valueDates.recordAll(communityId, Map.of(entry.id(), LocalDate.ofInstant(at, zone(community)))));
    }

    /** The month an entry dated {@code at} posts in, and the closed month it belongs to when that is not the same. */
    public record Placed(YearMonth period, YearMonth belongsTo) {
    }

    /** Where an entry for something that happened {@code at} goes: its own month, or the open month naming it when its own is closed. */
    public Placed place(UUID communityId, Instant at) {
        return place(communityId, at, zone(register.community(communityId)));
    }

    private Placed place(UUID communityId, Instant at, ZoneId zone) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        if (journal.closed(communityId, month).isEmpty()) {
            return new Placed(month, null);
        }
        YearMonth current = YearMonth.now(clock.withZone(zone));
        return new Placed(current, month.isBefore(current) ? month : null);
    }

    private static ZoneId zone(Optional<CommunityCopy> community) {
        return community.map(CommunityCopy::zone).orElse(CHINA);
    }

}
