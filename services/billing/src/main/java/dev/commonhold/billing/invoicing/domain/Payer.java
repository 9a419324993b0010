package dev.commonhold.billing.invoicing.domain;

import java.util.UUID;

/** Who owes: a unit (its owner and residents pay), a plate, a tenant or a customer (contracts/events/shared/payer.v1). */
public record Payer(String kind, UUID unitId, String reference, String name) {

    public static Payer unit(UUID unitId, String reference, String name) {
        return new Payer("unit", unitId, reference, name);
    }
}
