package dev.commonhold.fund.register;

/**
 * Told of every unit state the register copies, in the same transaction (sub-accounts open from
 * it) — once its community is known too: community.state is keyed by aggregate, so a unit may be
 * read before its community, and is then told when the community arrives.
 */
public interface UnitArrivals {

    void arrived(CommunityCopy community, UnitCopy unit);

    /** The community's state was copied: units read before it are told now. */
    void communityArrived(CommunityCopy community);
}
