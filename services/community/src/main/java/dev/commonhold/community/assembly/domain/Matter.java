package dev.commonhold.community.assembly.domain;

/**
 * What owners decide (Civil Code art. 278, items 1–9), each with the majority it needs.
 * Only the maintenance fund of one building or one lift (rule V7) and adding a lift to an existing
 * building (rule V9: a rebuilding, special majority) may be decided by the owners of the affected
 * building or units alone; everything else is the whole community's.
 */
public enum Matter {
    RULES_OF_PROCEDURE(Threshold.ORDINARY_MAJORITY, false),          // 业主大会议事规则
    OWNERS_RULES(Threshold.ORDINARY_MAJORITY, false),                // 管理规约
    ELECT_COMMITTEE(Threshold.ORDINARY_MAJORITY, false),             // 选举业主委员会
    HIRE_OR_DISMISS_MANAGER(Threshold.ORDINARY_MAJORITY, false),     // 选聘、解聘物业服务企业
    USE_MAINTENANCE_FUND(Threshold.ORDINARY_MAJORITY, true),         // 使用维修资金
    ANNUAL_BUDGET(Threshold.ORDINARY_MAJORITY, false),               // 年度预算 (trust-style property)
    OTHER_MAJOR_MATTER(Threshold.ORDINARY_MAJORITY, false),          // 其他重大事项
    RAISE_MAINTENANCE_FUND(Threshold.SPECIAL_THREE_QUARTERS, true),  // 筹集维修资金
    REBUILD(Threshold.SPECIAL_THREE_QUARTERS, false),                // 改建、重建建筑物
    ADD_LIFT(Threshold.SPECIAL_THREE_QUARTERS, true),                // 既有住宅加装电梯 (rule V9): a rebuilding, by that building's owners
    CHANGE_USE_OF_COMMON_PARTS(Threshold.SPECIAL_THREE_QUARTERS, false),     // 改变共有部分用途
    COMMERCIAL_USE_OF_COMMON_PARTS(Threshold.SPECIAL_THREE_QUARTERS, false); // 利用共有部分经营: leasing, advertising, paid parking

    private final Threshold threshold;
    private final boolean affectedOwnersMayDecide;

    Matter(Threshold threshold, boolean affectedOwnersMayDecide) {
        this.threshold = threshold;
        this.affectedOwnersMayDecide = affectedOwnersMayDecide;
    }

    public Threshold threshold() {
        return threshold;
    }

    /** Rules V7 and V9: a fund matter of one building or lift, or adding a lift, may be put to the owners of the affected units only. */
    public boolean affectedOwnersMayDecide() {
        return affectedOwnersMayDecide;
    }
}
