package dev.commonhold.trust.transparency.app;

import dev.commonhold.platform.ledger.verify.TreeHead;

/** trust.month-closed.v1: a month's tree head, for residents, witnesses and the regulator to keep. */
public interface MonthClosedEvents {

    void closed(TreeHead head);
}
