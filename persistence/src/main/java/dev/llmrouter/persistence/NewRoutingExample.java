package dev.llmrouter.persistence;

import java.util.Objects;

/**
 * One labelled outcome to store. {@code tier} is {@code LOCAL} or {@code CLOUD}, {@code source}
 * {@code FEEDBACK} or {@code IMPORT}; {@code score} is in 0..1; the embedding is the prompt's unit vector.
 */
public record NewRoutingExample(Long tenantId, String backend, String tier, String category, double score,
                                float[] embedding, String source, String requestId) {

    public NewRoutingExample {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(source, "source");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in 0..1: " + score);
        }
    }
}
