package dev.commonhold.parking.lots.domain;

/**
 * Whose a parking space is, which decides whose money it earns (DESIGN.md, revenue classes).
 */
public enum SpaceKind {
    /** 业主自有车位: bought with a flat; its owner parks free, it earns the community nothing. */
    PRIVATE(null),
    /** On common land or a road of the community (rule K1): what it earns is owners' common income (T1). */
    COMMON_LAND("parking_common"),
    /** Built or owned by the operator (franchise investment): the operator's revenue, counted by franchise oversight. */
    OPERATOR_OWNED("parking_operator");

    private final String revenueClass;

    SpaceKind(String revenueClass) {
        this.revenueClass = revenueClass;
    }

    /** The revenue class of contracts/events/shared/revenue-class.v1 its charges carry; null for a private space (it is not let). */
    public String revenueClass() {
        return revenueClass;
    }

    public boolean earns() {
        return revenueClass != null;
    }
}
