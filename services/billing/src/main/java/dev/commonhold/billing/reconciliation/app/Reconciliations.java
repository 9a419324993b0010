package dev.commonhold.billing.reconciliation.app;

import dev.commonhold.billing.invoicing.domain.BillingRuleViolation;
import dev.commonhold.billing.reconciliation.domain.Matching;
import dev.commonhold.billing.reconciliation.domain.StatementFormat;
import dev.commonhold.billing.reconciliation.domain.StatementLine;
import dev.commonhold.billing.reconciliation.domain.StatementText;
import dev.commonhold.platform.security.Role;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Daily reconciliation (rule PY3) for an operator company's merchant accounts: import the day's
 * channel or bank statement, match it against our payments, list every difference for staff to
 * resolve with a reason, then lock the day. A locked day takes no new statement and no change.
 */
@Service
public class Reconciliations {

    /** Payment days are counted in the communities' zone; every community billing serves today is in China. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record DayReport(ReconciliationStore.Day day, List<ReconciliationStore.ExceptionRow> exceptions) {
        public long open() {
            return exceptions.stream().filter(e -> e.resolvedAt() == null).count();
        }
    }

    private final ReconciliationStore store;
    private final java.time.Clock clock;

    Reconciliations(ReconciliationStore store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public DayReport importStatement(Viewer viewer, String channel, LocalDate day, byte[] file, Charset declared) {
        UUID company = companyOf(viewer);
        if (!day.isBefore(LocalDate.now(clock.withZone(ZONE)))) {
            throw new BillingRuleViolation("day", "%s has not ended yet: channels publish a day's statement the next morning".formatted(day), "PY3");
        }
        StatementFormat format = format(channel);
        List<StatementLine> lines = format.parse(StatementText.decode(file, format, declared));
        store.lockDay(company, channel, day).filter(d -> d.lockedAt() != null).ifPresent(d -> {
            throw ProblemException.conflict("%s %s was reconciled and locked by %s at %s: it takes no new statement"
                    .formatted(channel, day, d.lockedBy(), d.lockedAt()));
        });
        Matching.Result result = Matching.match(lines, store.ours(company, channel, day, ZONE));
        store.replace(company, channel, day, sha256(file), lines.size(), result, viewer.subject());
        return report(company, channel, day);
    }

    public DayReport day(Viewer viewer, String channel, LocalDate day) {
        UUID company = companyOf(viewer);
        format(channel);
        return report(company, channel, day);
    }

    @Transactional
    public void resolve(Viewer viewer, UUID exceptionId, String resolution) {
        if (!store.resolve(companyOf(viewer), exceptionId, resolution, viewer.subject())) {
            throw ProblemException.notFound("Open exception of an unlocked day", exceptionId);
        }
    }

    @Transactional
    public DayReport lock(Viewer viewer, String channel, LocalDate day) {
        UUID company = companyOf(viewer);
        store.lockDay(company, channel, day).orElseThrow(() -> ProblemException.notFound("Reconciliation of " + channel, day));
        DayReport report = report(company, channel, day);
        if (report.open() > 0) {
            throw new BillingRuleViolation("exceptions", "%d exception(s) are still open: resolve each with a reason before locking the day"
                    .formatted(report.open()), "PY3");
        }
        store.lock(company, channel, day, viewer.subject());
        return report(company, channel, day);
    }

    private DayReport report(UUID company, String channel, LocalDate day) {
        return new DayReport(store.day(company, channel, day).orElseThrow(() -> ProblemException.notFound("Reconciliation of " + channel, day)),
                store.exceptions(company, channel, day));
    }

    private static UUID companyOf(Viewer viewer) {
        if (!viewer.has(Role.OPERATOR_ADMIN) || viewer.company() == null) {
            throw new AccessDeniedException("reconciliation is done by an operator admin of the company that holds the merchant account");
        }
        return viewer.company();
    }

    private static StatementFormat format(String channel) {
        return switch (channel) {
            case "WECHAT_PAY" -> StatementFormat.WECHAT_PAY;
            case "ALIPAY" -> StatementFormat.ALIPAY;
            case "BANK_TRANSFER" -> StatementFormat.BANK;
            default -> throw new BillingRuleViolation("channel", "must be WECHAT_PAY, ALIPAY or BANK_TRANSFER", null);
        };
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
