package dev.commonhold.commerce.settlements.messaging;

import dev.commonhold.commerce.settlements.app.SettlementEvents;
import dev.commonhold.commerce.settlements.app.SettlementStore;
import dev.commonhold.commerce.settlements.domain.Statement;
import dev.commonhold.platform.messaging.NewEvent;
import dev.commonhold.platform.messaging.outbox.Outbox;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * commerce.settlement-issued.v1 (trust-account pays the merchant out of what it holds for merchants) and
 * commerce.subsidy-claimed.v1 (the totals by kind and age band; the per-order evidence stays behind the
 * API, where the street office reads it).
 */
@Component
class OutboxSettlementEvents implements SettlementEvents {

    private final Outbox outbox;

    OutboxSettlementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void issued(SettlementStore.Settlement s) {
        Statement st = s.statement();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("settlementId", s.id().toString());
        p.put("number", s.number());
        p.put("communityId", s.communityId().toString());
        p.put("merchantId", s.merchantId().toString());
        p.put("merchantName", s.merchantName());
        p.put("throughDate", s.throughDate().toString());
        p.put("orders", st.orders());
        p.put("refunds", st.refunds());
        p.put("grossFen", st.grossFen());
        p.put("subsidyFen", st.subsidyFen());
        p.put("refundsFen", st.refundsFen());
        p.put("commissionFen", st.commissionFen());
        p.put("netFen", st.netFen());
        p.put("carriedInFen", st.carriedInFen());
        p.put("payoutFen", st.payoutFen());
        p.put("carriedOutFen", st.carriedOutFen());
        p.put("issuedAt", s.issuedAt().toString());
        outbox.append(new NewEvent("commerce.settlement-issued.v1", s.communityId(), s.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }

    @Override
    public void claimed(SettlementStore.Claim c, String divisionCode, List<SettlementStore.Evidence> evidence) {
        Map<String, long[]> byKind = new TreeMap<>();
        evidence.forEach(e -> {
            long[] t = byKind.computeIfAbsent(e.kind(), k -> new long[2]);
            t[0] += e.quantity();
            t[1] += e.subsidyFen();
        });
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("claimId", c.id().toString());
        p.put("number", c.number());
        p.put("communityId", c.communityId().toString());
        p.put("divisionCode", divisionCode);
        p.put("from", c.from().toString());
        p.put("through", c.through().toString());
        p.put("orders", c.orders());
        p.put("totalFen", c.totalFen());
        p.put("byKind", byKind.entrySet().stream().map(e -> Map.of("kind", e.getKey(), "units", e.getValue()[0], "subsidyFen", e.getValue()[1])).toList());
        p.put("claimedAt", c.claimedAt().toString());
        outbox.append(new NewEvent("commerce.subsidy-claimed.v1", c.communityId(), c.id(), p, NewEvent.PartitionKey.COMMUNITY));
    }
}
