package dev.llmrouter.classify;

import java.util.Objects;

/**
 * What the router knows about a prompt before it picks a backend: a coarse category (for per-category
 * statistics and rules), a difficulty in 0..1, the estimated prompt tokens, and the embedding of the last
 * user turn (the one the cache computed; {@code null} when none was computed).
 */
public record PromptProfile(String category, double difficulty, int promptTokens, float[] embedding, String because) {

    public PromptProfile {
        Objects.requireNonNull(category, "category");
        if (difficulty < 0 || difficulty > 1) {
            throw new IllegalArgumentException("difficulty must be in 0..1: " + difficulty);
        }
    }
}
