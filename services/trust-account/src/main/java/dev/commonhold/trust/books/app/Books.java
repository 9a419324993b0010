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

    private final Journal journal;
    private final Register register;
    private final PostingNotes notes;
    private final Clock clock;

    Books(Journal journal, Register register, PostingNotes notes, Clock clock) {
        this.journal = journal;
        this.register = register;
        this.notes = notes;
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

    @Transactional
    public void settled(Settled s) {
        Optional<CommunityCopy> community = register.community(s.communityId());
        boolean trustModel = community.map(CommunityCopy::trustModel).orElse(true);
        String source = source(s.settlementId());
        switch (PostingRules.forClass(s.revenueClass(), s.baseRevenueClass(), trustModel)) {
            case PostingRules.Post post -> post(s, community, post.creditAccount(), source);
            case PostingRules.NotOwners not -> notes.note(source, s.communityId(), PostingNotes.Kind.NOT_OWNERS, s.revenueClass(), s.amountFen(),
                    "not posted: " + not.whose());
            case PostingRules.Suspense suspense -> {
                post(s, community, ChartOfAccounts.SUSPENSE, source);
                notes.note(source, s.communityId(), PostingNotes.Kind.SUSPENSE, s.revenueClass(), s.amountFen(),
                        "revenue class " + suspense.revenueClass() + " has no posting rule: held in suspense (2241) until someone assigns it");
                log.warn("community {}: settlement {} of {} fen has unknown revenue class {}; posted to suspense", s.communityId(), s.settlementId(),
                        s.amountFen(), s.revenueClass());
            }
        }
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

    private void post(Settled s, Optional<CommunityCopy> community, String creditAccount, String source) {
        open(s.communityId());
        Placed placed = place(s.communityId(), s.settledAt(), zone(community));
        journal.post(s.communityId(), List.of(new NewEntry(placed.period(), placed.belongsTo(), description(s), source, null,
                List.of(Posting.debit(ChartOfAccounts.BANK, s.amountFen()), Posting.credit(creditAccount, s.amountFen())))));
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

    private static String channel(String channel) {
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

    private static String yuan(long fen) {
        return "%s%d.%02d 元".formatted(fen < 0 ? "-" : "", Math.abs(fen) / 100, Math.abs(fen) % 100);
    }
}
