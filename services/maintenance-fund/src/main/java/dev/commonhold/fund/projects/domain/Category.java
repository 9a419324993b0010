package dev.commonhold.fund.projects.domain;

/**
 * What a use project repairs. Rule F4: repair, renewal and retrofit of common parts and facilities
 * after their warranty. Rule F5: what the developer owes under warranty, damage a utility company
 * or a liable person must pay for, and routine upkeep or property services are never paid from the
 * fund. Rule F7: a city's list of emergencies that may start without a vote.
 */
public enum Category {

    ROOF(true, "屋面防水", true),
    EXTERIOR_WALL(true, "外墙", true),
    LIFT_REPAIR(true, "电梯维修", true),
    LIFT_RENEWAL(true, "电梯更新", false),
    LIFT_RETROFIT(true, "既有住宅加装电梯", false),
    FIRE_SYSTEM(true, "消防设施", true),
    WATER_PIPES(true, "给排水管道", true),
    DRAINS(true, "排水管道疏通", true),
    ELECTRICAL(true, "公共电气", false),
    STAIRWELL(true, "楼道及公共部位", false),
    OTHER_COMMON_PART(true, "其他共用部位", false),
    DEVELOPER_WARRANTY(false, "开发建设单位保修范围内", false),
    UTILITY_DAMAGE(false, "供水供电供气等单位应负责的", false),
    LIABLE_PARTY_DAMAGE(false, "责任人应承担的损坏", false),
    ROUTINE_UPKEEP(false, "日常养护", false),
    PROPERTY_SERVICE(false, "物业服务费用", false);

    private final boolean payable;
    private final String chinese;
    private final boolean emergencyCase;

    Category(boolean payable, String chinese, boolean emergencyCase) {
        this.payable = payable;
        this.chinese = chinese;
        this.emergencyCase = emergencyCase;
    }

    /** Rule F5: false for what the fund may never pay for. */
    public boolean payable() {
        return payable;
    }

    public String chinese() {
        return chinese;
    }

    /** Rule F7: on the list of emergencies (lift failure, roof or wall leaks, fire systems, burst pipes, blocked drains). */
    public boolean emergencyCase() {
        return emergencyCase;
    }
}
