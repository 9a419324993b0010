package dev.commonhold.parking.tariffs.domain;

/** Who a tariff plan prices: visitors, or a household's registered car that holds no permit (a resident's extra car). */
public enum Audience {
    VISITOR, RESIDENT_EXTRA_CAR
}
