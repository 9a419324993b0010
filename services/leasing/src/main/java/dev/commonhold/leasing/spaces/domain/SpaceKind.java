package dev.commonhold.leasing.spaces.domain;

/** What a leasable space is. Ad spots and roof or wall areas earn advertising income; the rest earn rent. */
public enum SpaceKind {
    /** 闲置用房: a room left idle, e.g. a former boiler room or bicycle shed. */
    IDLE_ROOM,
    /** 商铺: a shop front. */
    SHOP,
    /** 配套用房: an ancillary room built with the community (often government-owned). */
    ANCILLARY_ROOM,
    /** 人防工程: civil-defence space; leased only with the civil-defence authority's approval (L4). */
    CIVIL_DEFENCE,
    /** 广告位: an advertising spot (a lift car, a noticeboard, a gate). */
    AD_SPOT,
    /** 屋顶/外墙: a roof or wall area (billboards, antennas). */
    ROOF_WALL;

    public boolean advertising() {
        return this == AD_SPOT || this == ROOF_WALL;
    }
}
