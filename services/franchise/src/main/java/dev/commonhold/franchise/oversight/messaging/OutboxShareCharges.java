package dev.commonhold.franchise.oversight.messaging;

import dev.commonhold.franchise.agreements.domain.Agreement;
import dev.commonhold.franchise.agreements.domain.Payee;
import dev.commonhold.franchise.oversight.app.ShareCharges;
import dev.commonhold.franchise.oversight.app.ShareStore;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** franchise.charge-raised.v1 with the shared charge payload: the operator owes the share, billing collects it. */
@Component
class OutboxShareCharges implements ShareCharges {

    static final String RAISED = "franchise.charge-raised.v1";

    private final Outbox outbox;

    OutboxShareCharges(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void raise(ShareStore.ShareCharge charge, Agreement agreement, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai"));
        LocalDate yearEnd = LocalDate.of(charge.year(), 12, 31);
        LocalDate due = today.isAfter(yearEnd) ? today.plusDays(30) : yearEnd.plusMonths(3);
        Map<String, Object> payer = new HashMap<>();
        payer.put("kind", "customer");
        payer.put("unitId", null);
        payer.put("reference", agreement.terms().operatorCreditCode());
        payer.put("name", agreement.terms().operatorName().length() > 100 ? agreement.terms().operatorName().substring(0, 100) : agreement.terms().operatorName());
        Map<String, Object> payload = new HashMap<>();
        payload.put("chargeId", charge.chargeId().toString());
        payload.put("communityId", charge.communityId().toString());
        payload.put("payer", payer);
        payload.put("revenueClass", agreement.terms().revenueShare().payee() == Payee.OWNERS ? "franchise_revenue_share" : "franchise_government_share");
        payload.put("amountFen", charge.amountFen());
        payload.put("currency", "CNY");
        payload.put("periodStart", LocalDate.of(charge.year(), 1, 1).toString());
        payload.put("periodEnd", (today.isBefore(yearEnd) ? today : yearEnd).toString());
        payload.put("dueOn", due.toString());
        String what = "%d年特许经营收益分成 · %s".formatted(charge.year(), agreement.terms().title());
        payload.put("description", what.length() > 200 ? what.substring(0, 200) : what);
        payload.put("sourceReference", "franchise:" + agreement.id() + ":" + charge.year());
        payload.put("replacesChargeId", null);
        outbox.append(new NewEvent(RAISED, charge.communityId(), charge.chargeId(), payload, NewEvent.PartitionKey.COMMUNITY));
    }
}
