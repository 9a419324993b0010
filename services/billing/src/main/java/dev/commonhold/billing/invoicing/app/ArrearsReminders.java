package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.Arrears;
import dev.commonhold.billing.register.BillingAccess;
import dev.commonhold.billing.register.CommunityCopy;
import dev.commonhold.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reminds every household with something overdue for at least {@code minDaysOverdue} days, once a
 * day at most: an event the portal shows, and an interruption of prescription (rule P5). A
 * reminder is only a notice — nothing here, or anywhere, cuts a utility to force payment (rule P3).
 */
@Service
public class ArrearsReminders {

    /** One household to remind: its overdue total and its oldest due date. */
    public record Reminder(UUID unitId, long openFen, LocalDate oldestDueOn) {
    }

    private final BillingAccess access;
    private final InvoiceViews views;
    private final ReminderStore reminders;
    private final Clock clock;

    ArrearsReminders(BillingAccess access, InvoiceViews views, ReminderStore reminders, Clock clock) {
        this.access = access;
        this.views = views;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** @return how many households were reminded now (those already reminded today are not reminded twice) */
    @Transactional
    public int remind(Viewer viewer, UUID communityId, int minDaysOverdue) {
        CommunityCopy community = access.staffOf(viewer, communityId);
        LocalDate today = LocalDate.now(clock.withZone(community.zone()));
        Map<UUID, Reminder> due = new LinkedHashMap<>();
        for (InvoiceViews.OpenByDue open : views.openOf(communityId, null)) {
            if (Arrears.bucket(open.dueOn(), today) != null && !open.dueOn().plusDays(minDaysOverdue).isAfter(today)) {
                due.merge(open.unitId(), new Reminder(open.unitId(), open.openFen(), open.dueOn()),
                        (a, b) -> new Reminder(a.unitId(), a.openFen() + b.openFen(), a.oldestDueOn().isBefore(b.oldestDueOn()) ? a.oldestDueOn() : b.oldestDueOn()));
            }
        }
        return reminders.record(communityId, List.copyOf(due.values()), today, viewer.subject());
    }
}
