package dev.commonhold.commerce.orders.app;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param serviceDate    the day it is served; null for today
 * @param buyerName      at the counter: the person served (a resident ordering for themself: null)
 * @param buyerBirthDate at the counter: the birth date on the ID the staff member checked, or null
 * @param buyerLogin     at the counter: the resident's sign-in name, when they have one (they then see the order)
 */
public record NewOrder(UUID offeringId, int quantity, LocalDate serviceDate, String buyerName, LocalDate buyerBirthDate, String buyerLogin) {
}
