package dev.commonhold.billing.invoicing.app;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Port: reminders sent, each published as billing.arrears-reminded.v1 in the same transaction. */
public interface ReminderStore {

    /** Records and publishes the reminders not already sent to that unit today; @return how many were new */
    int record(UUID communityId, List<ArrearsReminders.Reminder> reminders, LocalDate on, String by);

    /** The last day this unit was reminded, or null. */
    LocalDate lastReminded(UUID unitId);
}
