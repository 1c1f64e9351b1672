package dev.llmrouter.stats;

/**
 * A CDI event: a client judged an answer. Observers turn it into labelled outcomes (the backend that
 * answered, the prompt's category and embedding, the score 0..1); the judgement itself is already stored
 * with the routing decision when the event fires.
 *
 * @param embedding the last user turn's embedding, or null when the cache computed none
 * @param backend   the backend that produced the answer (for a cache hit, the one that produced the entry)
 */
public record FeedbackReceived(long decisionId, long tenantId, String requestId, String backend, String tier,
                               String category, float[] embedding, double score) {
}
