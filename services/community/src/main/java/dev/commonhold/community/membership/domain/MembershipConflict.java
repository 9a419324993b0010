package dev.commonhold.community.membership.domain;

/** A binding that the register's current state does not allow (409): already bound, already decided. */
public class MembershipConflict extends RuntimeException {

    public MembershipConflict(String message) {
        super(message);
    }
}
