package dev.llmrouter.stats;

import dev.llmrouter.chat.Tier;

/**
 * How well a backend answered a prompt: {@code score} in 0..1 (1 = correct). The prompt is given as text
 * or as its embedding (at least one); {@code tenantId} null means the outcome is shared by every tenant;
 * {@code category} null lets the classifier name it (from the text; "unknown" without one).
 */
public record LabelledOutcome(Long tenantId, String backendId, Tier tier, String prompt, float[] embedding,
                              String category, double score, Source source, String requestId) {

    public enum Source { FEEDBACK, IMPORT }

    public LabelledOutcome {
        if (backendId == null || backendId.isBlank()) {
            throw new IllegalArgumentException("backend id is required");
        }
        if (tier != Tier.LOCAL && tier != Tier.CLOUD) {
            throw new IllegalArgumentException("tier must be LOCAL or CLOUD: " + tier);
        }
        if ((prompt == null || prompt.isBlank()) && embedding == null) {
            throw new IllegalArgumentException("a prompt or its embedding is required");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in 0..1: " + score);
        }
        source = source == null ? Source.FEEDBACK : source;
    }

    /** An imported example, shared by every tenant. */
    public static LabelledOutcome imported(String backendId, Tier tier, String prompt, String category, double score) {
        return new LabelledOutcome(null, backendId, tier, prompt, null, category, score, Source.IMPORT, null);
    }
}
