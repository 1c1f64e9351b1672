package dev.llmrouter.persistence;

/**
 * One routed request's decision as it is recorded: what the prompt looked like (category, difficulty,
 * tokens, the last user turn's embedding, never its text), what answered, and the ranking as JSON.
 */
public record NewRoutingDecision(String requestId, long tenantId, Long apiKeyId, String modelAlias, String category,
                                 Double difficulty, Integer promptTokens, float[] embedding, String tier,
                                 String backend, String cacheStatus, Long cacheEntryId, String outcome, String reason,
                                 String rankingJson) {
}
