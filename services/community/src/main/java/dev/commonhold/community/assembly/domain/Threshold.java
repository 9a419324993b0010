package dev.commonhold.community.assembly.domain;

/**
 * The majority a matter needs among the owners who take part, counted by area and by owners,
 * both at once (Civil Code art. 278).
 */
public enum Threshold {

    /** Rule V2: at least three quarters of the participating area and of the participating owners ("四分之三以上", inclusive). */
    SPECIAL_THREE_QUARTERS {
        @Override
        boolean approves(long approving, long participating) {
            return Math.multiplyExact(approving, 4) >= Math.multiplyExact(participating, 3) && participating > 0;
        }
    },

    /** Rule V3: more than half of the participating area and of the participating owners ("过半数", strict: exactly half fails). */
    ORDINARY_MAJORITY {
        @Override
        boolean approves(long approving, long participating) {
            return Math.multiplyExact(approving, 2) > participating;
        }
    };

    /** Exact integer comparison of approving/participating against the threshold (rule V4). */
    abstract boolean approves(long approving, long participating);
}
