package dev.commonhold.parking.permits.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rule K2, owners first: free permit places go to waiting owners in order of application; a
 * non-owner (a tenant) gets one only when no owner is waiting, and then in order too. Ties in
 * time go by application id (UUIDv7, time-ordered), so the order is total and repeatable.
 */
public final class OwnersFirst {

    private OwnersFirst() {
    }

    /** The applications that get the {@code free} places now, in the order they get them. */
    public static List<Application> allocate(int free, List<Application> waiting) {
        List<Application> order = new ArrayList<>(waiting);
        order.sort(Comparator.comparing((Application a) -> !a.owner()).thenComparing(Application::appliedAt).thenComparing(Application::id));
        return List.copyOf(order.subList(0, Math.max(0, Math.min(free, order.size()))));
    }

    /** Where an application stands in the queue (1 = next), owners ahead of every non-owner. */
    public static int position(Application application, List<Application> waiting) {
        return (int) waiting.stream().filter(other -> ahead(other, application)).count() + 1;
    }

    private static boolean ahead(Application other, Application of) {
        if (other.owner() != of.owner()) {
            return other.owner();
        }
        int byTime = other.appliedAt().compareTo(of.appliedAt());
        return byTime < 0 || (byTime == 0 && other.id().compareTo(of.id()) < 0);
    }
}
