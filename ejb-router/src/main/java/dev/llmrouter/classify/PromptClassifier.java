package dev.llmrouter.classify;

import dev.llmrouter.chat.ChatRequest;

/** Profiles a prompt from cheap features of its text (and the embedding, when the cache computed one). */
public interface PromptClassifier {

    PromptProfile profile(ChatRequest request, float[] embedding);
}
