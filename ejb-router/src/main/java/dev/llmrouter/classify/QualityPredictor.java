package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;

/** Predicts how well one backend would answer a prompt, from the prompt's profile and labelled history. */
public interface QualityPredictor {

    QualityEstimate predict(PromptProfile prompt, String backendId, Tier tier);
}
