package dev.llmrouter.persistence;

import java.time.Instant;

/**
 * A stored answer and the question it answered; {@code similarity} is 1 for an exact match.
 * {@code embedding} is the stored question vector where a lookup read it, otherwise null.
 */
public record CachedAnswer(
        long id,
        String question,
        String answer,
        String model,
        int promptTokens,
        int completionTokens,
        Instant createdAt,
        Instant expiresAt,
        double similarity,
        float[] embedding) {
}
