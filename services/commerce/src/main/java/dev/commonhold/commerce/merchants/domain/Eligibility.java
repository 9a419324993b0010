package dev.commonhold.commerce.merchants.domain;

/** Who may buy: anyone, the community's residents, or elderly people of at least the offering's minimum age (checked by staff). */
public enum Eligibility { ANYONE, RESIDENTS, ELDERLY }
