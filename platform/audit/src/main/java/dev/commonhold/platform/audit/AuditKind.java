package dev.commonhold.platform.audit;

/** The kinds of security-relevant action the trail keeps (contracts/events/audit/entry-recorded.v1). */
public enum AuditKind {
    /** Kept from Keycloak's login events by the community service. */
    SIGN_IN, SIGN_IN_FAILED, SIGN_OUT,
    /** A decision that lets money or rights move: a payment request approved, a binding approved, an emergency confirmed. */
    APPROVAL,
    /** Who may do what changed: roles, a committee, a user's account. */
    ROLE_CHANGE,
    /** Who lives in or owns a home changed in the register. */
    BINDING_CHANGE,
    /** Data left the system as a file. */
    EXPORT,
    /** Someone read names, phone numbers, ID or birth dates of people other than themselves. */
    PERSONAL_DATA_READ,
    /** Money already recorded was reversed, refunded or re-explained. */
    MONEY_CORRECTION
}
