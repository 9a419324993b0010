package dev.commonhold.billing.invoicing.persistence;

import dev.commonhold.billing.invoicing.app.ArrearsReminders;
import dev.commonhold.billing.invoicing.app.ReminderStore;
import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.platform.ids.Ids;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.NewEvent.PartitionKey;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Repository
class JdbcReminders implements ReminderStore {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    JdbcReminders(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public int record(UUID communityId, List<ArrearsReminders.Reminder> reminders, LocalDate on, String by) {
        List<NewEvent> events = new ArrayList<>();
        for (ArrearsReminders.Reminder r : reminders) {
            UUID id = Ids.newId();
            int inserted = jdbc.update("""
                    INSERT INTO arrears_reminder (id, community_id, unit_id, open_fen, oldest_due_on, reminded_on, reminded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, reminded_on) DO NOTHING""",
                    id, communityId, r.unitId(), r.openFen(), r.oldestDueOn(), on, by);
            if (inserted == 1) {
                String reference = jdbc.queryForObject("SELECT building_name || '-' || number FROM unit WHERE id = ?", String.class, r.unitId());
                events.add(new NewEvent("billing.arrears-reminded.v1", communityId, id, new ArrearsRemindedV1(id, communityId, r.unitId(),
                        Payer.unit(r.unitId(), reference, null), r.openFen(), r.oldestDueOn(), on,
                        "%s：您有物业费等共 %d.%02d 元已逾期（最早到期日 %s），请尽快缴纳。如有疑问请联系物业服务中心。"
                                .formatted(reference, r.openFen() / 100, r.openFen() % 100, r.oldestDueOn())), PartitionKey.COMMUNITY));
            }
        }
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
        return events.size();
    }

    @Override
    public LocalDate lastReminded(UUID unitId) {
        return jdbc.queryForObject("SELECT max(reminded_on) FROM arrears_reminder WHERE unit_id = ?", LocalDate.class, unitId);
    }

    /** Field for field as contracts/events/billing/arrears-reminded.v1.schema.json. */
    record ArrearsRemindedV1(UUID reminderId, UUID communityId, UUID unitId, Payer payer, long openFen, LocalDate oldestDueOn,
                             LocalDate remindedOn, String message) {
    }
}
