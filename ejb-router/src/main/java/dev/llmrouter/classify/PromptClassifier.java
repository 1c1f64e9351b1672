package dev.llmrouter.classify;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;

/** Profiles a prompt from cheap features of its text (and the embedding, when the cache computed one). */
public interface PromptClassifier {

    PromptProfile profile(ChatRequest request, float[] embedding);

    /**
     * The last user turn's category alone, from its text: cheap enough to decide routing rules before the
     * cache is asked (and so before any embedding exists). {@link #profile} names the same category.
     */
    default String category(ChatRequest request) {
        String question = request.lastUserMessage();
        return PromptCategory.of(question, PromptFeatures.of(question)).label();
    }

    /** A rough but provider-neutral token estimate of the whole conversation, about four characters a token. */
    default int promptTokens(ChatRequest request) {
        int chars = request.messages().stream().map(ChatMessage::content).mapToInt(String::length).sum();
        return (int) Math.ceil(chars / 4.0);
    }
}
