package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;

/** Predicts how well one backend would answer a prompt, from the prompt's profile and labelled history. */
public interface QualityPredictor {

    /** From the learned prior and the shared labelled history (examples recorded without a tenant). */
    QualityEstimate predict(PromptProfile prompt, String backendId, Tier tier);

    /** Also from the tenant's own labelled history; {@code tenantId == null} is the shared history alone. */
    default QualityEstimate predict(PromptProfile prompt, String backendId, Tier tier, Long tenantId) {
        return predict(prompt, backendId, tier);
    }
}
