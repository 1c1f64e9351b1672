package dev.llmrouter.route;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.route.policy.Ranking;
import dev.llmrouter.route.policy.ServiceLevel;
import dev.llmrouter.route.policy.UtilityWeights;
import java.io.Serializable;
import java.util.List;

/**
 * The decision for a request. Either the cache answers ({@code cacheStatus} HIT or SEMANTIC_HIT, no
 * candidates), or the candidates are tried in order, the first first, the rest as fallbacks only before
 * any byte reached the client. {@code analysis} says how they were ranked; it is null for a cache hit.
 */
public record RoutingDecision(String cacheStatus, Double cacheSimilarity, Long cacheEntryId, String cachedModel,
                              List<Candidate> candidates, String reason, Analysis analysis) implements Serializable {

    public RoutingDecision {
        candidates = List.copyOf(candidates);
    }

    public boolean fromCache() {
        return cachedModel != null;
    }

    public record Candidate(String model, Tier tier, boolean simulated) implements Serializable {
    }

    /**
     * What the ranking rested on: the prompt's category, difficulty and size, the service level and the
     * weights in force (the cost weight after budget pacing), the rules that matched, every candidate's
     * terms, and the budget's pacing note (or null).
     */
    public record Analysis(String category, double difficulty, int promptTokens, ServiceLevel serviceLevel,
                           UtilityWeights weights, List<String> rules, Ranking ranking, String pacing)
            implements Serializable {

        public Analysis {
            rules = List.copyOf(rules);
        }
    }
}
