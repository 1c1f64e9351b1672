package dev.llmrouter.route;

import dev.llmrouter.chat.Tier;
import java.io.Serializable;
import java.util.List;

/** The ordered plan for a request: the first candidate is tried first, the rest are fallbacks. */
public record RoutingDecision(List<Candidate> candidates, String reason) implements Serializable {

    public RoutingDecision {
        candidates = List.copyOf(candidates);
    }

    public record Candidate(String model, Tier tier, boolean simulated) implements Serializable {
    }
}
