package dev.commonhold.parking.tariffs.app;

import dev.commonhold.parking.tariffs.domain.Audience;
import dev.commonhold.parking.tariffs.domain.TariffPlan;

import java.util.List;
import java.util.UUID;

/** Tariff plans, kept; a plan is never edited: a change is a new plan from a later instant. */
public interface TariffStore {

    /** @return false when the lot has a plan for that audience from that instant already */
    boolean insert(TariffPlan plan, String by);

    List<TariffPlan> plans(UUID lotId, Audience audience);

    List<TariffPlan> plans(UUID lotId);

    /** Whether any stay of the lot left (and was priced) at or after this instant. */
    boolean pricedSince(UUID lotId, java.time.Instant from);
}
