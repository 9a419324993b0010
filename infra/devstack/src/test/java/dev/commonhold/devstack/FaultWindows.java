package dev.commonhold.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults of a fault suite, one after another, each with a calm second either side, and for each the numbers of
 * what the suite drove while it lasted (settlements, exits): the report's rows.
 */
final class FaultWindows {

    /** One fault, and the numbers {@code first} to {@code last} driven while it lasted. */
    record Window(String fault, int first, int last) {
    }

    interface Fault {
        void apply() throws Exception;
    }

    private final AtomicInteger next;
    private final List<Window> windows = new ArrayList<>();

    /** @param next the number the suite's driver gives what it drives next */
    FaultWindows(AtomicInteger next) {
        this.next = next;
    }

    void apply(String fault, Fault apply) throws Exception {
        Thread.sleep(1_000);
        int first = next.get();
        apply.apply();
        Thread.sleep(1_000);
        windows.add(new Window(fault, first, next.get() - 1));
    }

    List<Window> all() {
        return List.copyOf(windows);
    }
}
