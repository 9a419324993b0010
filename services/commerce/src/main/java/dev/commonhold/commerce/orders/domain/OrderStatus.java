package dev.commonhold.commerce.orders.domain;

/**
 * STORED: a parcel in a locker, not yet collected. PLACED: waiting for the buyer's payment (a seat held
 * until pay-by). PAID: paid (or nothing to pay). FULFILLED: served, delivered or collected. CANCELLED:
 * before it was served; what was paid is refunded.
 */
public enum OrderStatus { STORED, PLACED, PAID, FULFILLED, CANCELLED }
