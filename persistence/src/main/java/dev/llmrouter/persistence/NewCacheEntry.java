package dev.llmrouter.persistence;

import java.time.Instant;

/** What admission stores; the embedding is the question's unit vector. */
public record NewCacheEntry(
        long tenantId,
        String partitionHash,
        String promptHash,
        String question,
        float[] embedding,
        String answer,
        String model,
        int promptTokens,
        int completionTokens,
        Instant expiresAt) {
}
