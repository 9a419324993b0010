package dev.commonhold.franchise.oversight.domain;

import java.util.OptionalDouble;

/**
 * The internal rate of return of yearly cash flows (内部收益率): the rate r at which
 * Σ flow[t] / (1 + r)^t = 0, t = 0 for the first year — what a spreadsheet's IRR() answers.
 *
 * <p>Newton's method from 10%, falling back to bisection over (-99.99%, 1000%) when Newton leaves the
 * interval or stalls; empty when the flows do not change sign (no rate exists) or no root lies in it.
 * Accurate to 1e-10.
 */
public final class Irr {

    private static final double LOW = -0.9999;
    private static final double HIGH = 10.0;
    private static final double TOLERANCE = 1e-10;

    private Irr() {
    }

    /** @param flows in fen, one a year, the first at t = 0 (usually the investment, negative) */
    public static OptionalDouble of(long[] flows) {
        boolean negative = false;
        boolean positive = false;
        for (long f : flows) {
            negative |= f < 0;
            positive |= f > 0;
        }
        if (!negative || !positive) {
            return OptionalDouble.empty();
        }
        double r = 0.1;
        for (int i = 0; i < 100; i++) {
            double value = npv(flows, r);
            double slope = slope(flows, r);
            if (slope == 0 || Double.isNaN(value)) {
                break;
            }
            double next = r - value / slope;
            if (next <= LOW || next >= HIGH || Double.isNaN(next)) {
                break;
            }
            if (Math.abs(next - r) < TOLERANCE) {
                return OptionalDouble.of(next);
            }
            r = next;
        }
        return bisect(flows);
    }

    /** Net present value at rate r, in fen. */
    static double npv(long[] flows, double r) {
        double sum = 0;
        double discount = 1;
        for (long f : flows) {
            sum += f / discount;
            discount *= 1 + r;
        }
        return sum;
    }

    private static double slope(long[] flows, double r) {
        double sum = 0;
        for (int t = 1; t < flows.length; t++) {
            sum -= t * flows[t] / Math.pow(1 + r, t + 1);
        }
        return sum;
    }

    private static OptionalDouble bisect(long[] flows) {
        double low = LOW;
        double high = HIGH;
        double atLow = npv(flows, low);
        if (Math.signum(atLow) == Math.signum(npv(flows, high))) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < 200 && high - low > TOLERANCE; i++) {
            double mid = (low + high) / 2;
            double atMid = npv(flows, mid);
            if (Math.signum(atMid) == Math.signum(atLow)) {
                low = mid;
                atLow = atMid;
            } else {
                high = mid;
            }
        }
        return OptionalDouble.of((low + high) / 2);
    }
}
