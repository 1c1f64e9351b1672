package dev.llmrouter.route.policy;

import java.io.Serializable;

/**
 * The exchange rates of the utility: quality points one USD of predicted cost is worth (after budget
 * pacing), and quality points one second beyond the latency target is worth.
 */
public record UtilityWeights(double costPerUsd, double slaPerSecond) implements Serializable {

    public UtilityWeights {
        if (!(costPerUsd >= 0) || !(slaPerSecond >= 0)) {
            throw new IllegalArgumentException("weights must be non-negative numbers");
        }
    }
}
