package dev.llmrouter.route.policy;

import dev.llmrouter.chat.Tier;
import java.util.Objects;

/**
 * What is predicted about one candidate backend before ranking.
 *
 * @param costMicros   predicted cost of this request there, micro-USD (expected tokens x prices)
 * @param unavailable  why it cannot take the request now (breaker open, queue full), or null
 */
public record CandidateInput(String backend, Tier tier, boolean simulated, double quality, String qualityBasis,
                             long costMicros, LatencyPrediction latency, String unavailable) {

    public CandidateInput {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(latency, "latency");
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must be in 0..1: " + quality);
        }
        if (costMicros < 0) {
            throw new IllegalArgumentException("cost cannot be negative");
        }
    }
}
