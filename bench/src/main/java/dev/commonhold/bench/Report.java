package dev.commonhold.bench;

/** Prints results as ratios against the raw baseline measured in the same run, absolutes beside them. */
final class Report {

    private Report() {
    }

    static void heading(String title) {
        System.out.printf("%n== %s%n", title);
    }

    static void line(String what, String absolute) {
        System.out.printf("  %-52s %s%n", what, absolute);
    }

    static void ratio(String what, double ours, double baseline, String unit) {
        System.out.printf("  %-52s %8.2f x baseline   (%,.1f vs %,.1f %s)%n", what, ours / baseline, ours, baseline, unit);
    }
}
