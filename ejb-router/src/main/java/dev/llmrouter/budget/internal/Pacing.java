package dev.llmrouter.budget.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Budget pacing: a budget that burns faster than its period allows makes money dearer, so traffic moves
 * to the cache and local models before the money runs out. With {@code used} the share of the limit
 * spent or held and {@code elapsed} the share of the period gone, the burn rate is {@code used / elapsed}
 * and the cost weight is multiplied by its square above 1 (capped). A budget without a period paces on
 * what is left: from half spent on, as if its period were half over.
 */
final class Pacing {

    static final double MAX_FACTOR = 50;
    /** Early in a period a few calls would look like a huge burn rate: the elapsed share counts at least this. */
    static final double MIN_ELAPSED = 0.05;
    static final double UNPERIODIC_ELAPSED = 0.5;

    private Pacing() {
    }

    /** The share of the period gone at {@code now}; {@code NaN} for a budget that never resets. */
    static double elapsed(Instant periodStart, Instant resetsAt, Instant now) {
        if (resetsAt == null || periodStart == null || !resetsAt.isAfter(periodStart)) {
            return Double.NaN;
        }
        double length = Duration.between(periodStart, resetsAt).toMillis();
        double gone = Duration.between(periodStart, now).toMillis();
        return Math.max(0, Math.min(1, gone / length));
    }

    /** The cost-weight factor for a budget with {@code usedShare} of its limit spent or held. */
    static double factor(double usedShare, double elapsedShare) {
        double elapsed = Double.isNaN(elapsedShare) ? UNPERIODIC_ELAPSED : Math.max(MIN_ELAPSED, elapsedShare);
        double burn = usedShare / elapsed;
        return burn <= 1 ? 1 : Math.min(MAX_FACTOR, burn * burn);
    }
}
