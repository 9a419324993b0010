package dev.commonhold.commerce.merchants.domain;

/** What is sold: express-locker storage (快递柜), a canteen meal (长者食堂), an elderly-care session, a home service (维修、保洁), other. */
public enum OfferingKind { LOCKER_STORAGE, MEAL, ELDERLY_CARE, HOME_SERVICE, OTHER }
