package dev.llmrouter.classify;

import java.util.Objects;

/**
 * What the router knows about a prompt before it picks a backend: a coarse category (for per-category
 * statistics and rules), a difficulty in 0..1, the estimated prompt tokens, the embedding of the last
 * user turn (the one the cache computed; {@code null} when none was computed), and the cheap text
 * features the quality model reads beside the embedding (empty when unknown).
 */
public record PromptProfile(String category, double difficulty, int promptTokens, float[] embedding, String because,
                            double[] features) {

    public PromptProfile {
        Objects.requireNonNull(category, "category");
        if (difficulty < 0 || difficulty > 1) {
            throw new IllegalArgumentException("difficulty must be in 0..1: " + difficulty);
        }
        features = features == null ? new double[0] : features;
    }

    /** A profile without text features: the quality model then reads the embedding alone. */
    public PromptProfile(String category, double difficulty, int promptTokens, float[] embedding, String because) {
        this(category, difficulty, promptTokens, embedding, because, null);
    }
}
