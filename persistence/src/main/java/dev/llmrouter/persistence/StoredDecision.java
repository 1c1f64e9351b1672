package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * A recorded routing decision. {@code embedding} is only read where it is needed (feedback); lists
 * leave it null. The feedback fields are null until a client judged the answer.
 */
public record StoredDecision(long id, String requestId, long tenantId, String tenantName, Long apiKeyId,
                             String modelAlias, String category, Double difficulty, Integer promptTokens,
                             float[] embedding, String tier, String backend, String cacheStatus, Long cacheEntryId,
                             String outcome, String reason, String rankingJson, Double feedbackScore,
                             String feedbackComment, Instant feedbackAt, Instant createdAt) {
}
