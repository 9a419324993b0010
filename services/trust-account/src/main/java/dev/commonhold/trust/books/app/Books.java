package dev.commonhold.trust.books.app;

import dev.commonhold.platform.ledger.Journal;
import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.trust.books.domain.ChartOfAccounts;
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
import java.util.List;
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

    /**
     * Posts one settled line by its class. Paid from a household's credit in a trust-model community,
     * the money is already in the account as prepaid fees (2203, posted when it came in), so the
     * entry moves it out of 2203 instead of debiting the bank — and when the class is not the
     * owners', into what the account owes its owner (the operator, the maintenance fund).
     */
    @Transactional
    public void settled(Settled s) {
        Optional<CommunityCopy> community = register.community(s.communityId());
        boolean trustModel = community.map(CommunityCopy::trustModel).orElse(true);
        boolean fromCredit = trustModel && CREDIT.equals(s.channel());
        String debit = fromCredit ? ChartOfAccounts.PREPAID_FEES : ChartOfAccounts.BANK;
        String source = source(s.settlementId());
        switch (PostingRules.forClass(s.revenueClass(), s.baseRevenueClass(), trustModel)) {
            case PostingRules.Post post -> post(s.communityId(), s.settledAt(), community, description(s), source, debit, post.creditAccount(), s.amountFen());
            case PostingRules.NotOwners not when fromCredit ->
                    post(s.communityId(), s.settledAt(), community, description(s), source, debit, not.payable(), s.amountFen());
            case PostingRules.NotOwners not -> notes.note(source, s.communityId(), PostingNotes.Kind.NOT_OWNERS, s.revenueClass(), s.amountFen(),
                    "not posted: " + not.whose());
            case PostingRules.Suspense suspense -> {
                post(s.communityId(), s.settledAt(), community, description(s), source, debit, ChartOfAccounts.SUSPENSE, s.amountFen());
                notes.note(source, s.communityId(), PostingNotes.Kind.SUSPENSE, s.revenueClass(), s.amountFen(),
                        "revenue class " + suspense.revenueClass() + " has no posting rule: held in suspense (2241) until someone assigns it");
                log.warn("community {}: settlement {} of {} fen has unknown revenue class {}; posted to suspense", s.communityId(), s.settlementId(),
                        s.amountFen(), s.revenueClass());
            }
        }
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
            journal.reverse(communityId, original.get().id(), placed.period(), "冲销：" + reason, "reversal:" + settlementId);
        }
    }

    private void post(UUID communityId, Instant at, Optional<CommunityCopy> community, String description, String source, String debit, String credit,
                      long fen) {
        open(communityId);
        Placed placed = place(communityId, at, zone(community));
        journal.post(communityId, List.of(new NewEntry(placed.period(), placed.belongsTo(), description, source, null,
                List.of(Posting.debit(debit, fen), Posting.credit(credit, fen)))))
                .forEach(entry -> valueDates.record(communityId, entry.id(), LocalDate.ofInstant(at, zone(community))));
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

    private static String description(Settled s) {
        return "%s收款 %s · %s %s%s".formatted(label(s.revenueClass(), s.baseRevenueClass()), yuan(s.amountFen()), channel(s.channel()),
                s.channelTransactionId(), s.payerReference() == null ? "" : " · " + s.payerReference());
    }

    private static String label(String revenueClass, String base) {
        return switch (revenueClass) {
            case "property_fee" -> "物业费";
            case "parking_common" -> "公共车位停车费";
            case "lease_common_part" -> "共有部分租金";
            case "advertising_common" -> "广告费";
            case "commerce_commission" -> "经营佣金";
            case "lease_public_space" -> "公有用房租金（代收）";
            case "merchant_proceeds" -> "商户货款（代收）";
            case "deposit" -> "押金";
            case "late_fee" -> "滞纳金（" + (base == null ? "?" : label(base, null)) + "）";
            default -> revenueClass;
        };
    }

    /** How an entry names a channel: 微信支付, 现金… */
    public static String channel(String channel) {
        return switch (channel) {
            case "WECHAT_PAY" -> "微信支付";
            case "ALIPAY" -> "支付宝";
            case "CASH" -> "现金";
            case "CARD" -> "刷卡";
            case "BANK_TRANSFER" -> "银行转账";
            case "CREDIT" -> "余额抵扣";
            default -> channel;
        };
    }

    public static String yuan(long fen) {
        return "%s%d.%02d 元".formatted(fen < 0 ? "-" : "", Math.abs(fen) / 100, Math.abs(fen) % 100);
    }
}
