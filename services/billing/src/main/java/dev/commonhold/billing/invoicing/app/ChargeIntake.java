package dev.commonhold.billing.invoicing.app;

import dev.commonhold.billing.invoicing.domain.NewInvoice;
import dev.commonhold.billing.invoicing.domain.Payer;
import dev.commonhold.billing.register.Register;
import dev.commonhold.platform.ids.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Charges raised by parking, leasing, commerce and the maintenance fund become invoice lines,
 * exactly once per charge id. A charge for a unit billing does not know (yet) is held and listed,
 * never dropped; it is released when the unit arrives in the register copy.
 */
@Service
public class ChargeIntake {

    private static final Logger log = LoggerFactory.getLogger(ChargeIntake.class);

    /** A charge as the shared contract carries it (contracts/events/shared/charge.v1). */
    public record Charge(UUID chargeId, UUID communityId, Payer payer, String revenueClass, String baseRevenueClass, long amountFen,
                         LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn, String description, String sourceReference,
                         UUID replacesChargeId) {

        /** From the payload of {@code <domain>.charge-raised.v1}, already checked against its schema. */
        public static Charge of(JsonNode p) {
            JsonNode payer = p.get("payer");
            return new Charge(uuid(p, "chargeId"), uuid(p, "communityId"),
                    new Payer(payer.get("kind").asString(), uuid(payer, "unitId"), payer.get("reference").asString(), text(payer, "name")),
                    p.get("revenueClass").asString(), text(p, "baseRevenueClass"), p.get("amountFen").asLong(), date(p, "periodStart"),
                    date(p, "periodEnd"), date(p, "dueOn"), p.get("description").asString(), p.get("sourceReference").asString(),
                    uuid(p, "replacesChargeId"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        private static UUID uuid(JsonNode node, String field) {
            String value = text(node, field);
            return value == null ? null : UUID.fromString(value);
        }

        private static LocalDate date(JsonNode node, String field) {
            String value = text(node, field);
            return value == null ? null : LocalDate.parse(value);
        }
    }

    private final Register register;
    private final InvoiceStore invoices;
    private final InvoiceEvents events;
    private final HeldCharges held;
    private final Clock clock;

    ChargeIntake(Register register, InvoiceStore invoices, InvoiceEvents events, HeldCharges held, Clock clock) {
        this.register = register;
        this.invoices = invoices;
        this.events = events;
        this.held = held;
        this.clock = clock;
    }

    /** Inside the inbox transaction of the charge-raised event. */
    public void raise(String sourceType, Charge charge, String rawPayload) {
        if (invoices.hasLineForCharge(charge.chargeId()) || held.cancelled(charge.chargeId())) {
            return;
        }
        if (register.community(charge.communityId()).isEmpty()) {
            held.hold(charge, sourceType, rawPayload, "community not (yet) in billing's copy of the register");
            return;
        }
        if (charge.payer().unitId() != null && register.unit(charge.communityId(), charge.payer().unitId()).isEmpty()) {
            held.hold(charge, sourceType, rawPayload, "unit " + charge.payer().unitId() + " not (yet) in billing's copy of the register");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        NewInvoice.Line line = new NewInvoice.Line(Ids.newId(), charge.chargeId(), charge.revenueClass(), charge.baseRevenueClass(),
                charge.amountFen(), charge.dueOn(), charge.description(), charge.sourceReference());
        NewInvoice invoice = new NewInvoice(Ids.newId(), invoices.nextNumbers(1, today).getFirst(), charge.communityId(), charge.payer(),
                charge.periodStart(), charge.periodEnd(), today, charge.dueOn(), null, List.of(line), List.of());
        invoices.insertAll(List.of(invoice));
        events.issued(List.of(invoice));
        log.debug("charge {} from {} invoiced as {}", charge.chargeId(), sourceType, invoice.number());
    }

    /** A held charge whose payer has arrived is invoiced now; @return true if it was */
    boolean release(HeldCharges.Held waiting) {
        Charge charge = waiting.charge();
        if (register.community(charge.communityId()).isEmpty()
                || (charge.payer().unitId() != null && register.unit(charge.communityId(), charge.payer().unitId()).isEmpty())) {
            return false;
        }
        held.released(charge.chargeId());
        raise(waiting.sourceType(), charge, null);
        return true;
    }

    /** Inside the inbox transaction of the charge-cancelled event; an open line is cancelled, a paid part becomes credit. */
    public void cancel(UUID chargeId, String reason) {
        held.cancel(chargeId, reason);
    }
}
