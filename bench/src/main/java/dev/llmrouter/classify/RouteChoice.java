package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;
import java.util.List;

/**
 * The decision route-eval sweeps: among candidate backends with their predicted quality and cost, the
 * one with the highest utility {@code quality - costWeight x cost}.
 */
final class RouteChoice {

    /** A backend as the decision sees it; cost in the bench is one unit per cloud call. */
    record Candidate(String backendId, Tier tier, double quality, double cost) {
    }

    private RouteChoice() {
    }

    static Candidate choose(List<Candidate> candidates, double costWeight) {
        Candidate best = null;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (Candidate c : candidates) {
            double utility = c.quality() - costWeight * c.cost();
            if (utility > bestUtility) {
                best = c;
                bestUtility = utility;
            }
        }
        return best;
    }
}
