package dev.commonhold.commerce.settlements.app;

/** commerce.settlement-issued.v1 and commerce.subsidy-claimed.v1 (contracts/events/commerce), through the outbox. */
public interface SettlementEvents {

    void issued(SettlementStore.Settlement settlement);

    void claimed(SettlementStore.Claim claim, String divisionCode, java.util.List<SettlementStore.Evidence> evidence);
}
