package dev.llmrouter.web.api;

import dev.llmrouter.chat.CacheOptions;
import dev.llmrouter.chat.RoutingHints;
import dev.llmrouter.chat.ChatRequest;

/** A parsed {@code /v1/chat/completions} body: the router's request plus how to deliver the answer. */
record ChatCompletionRequest(ChatRequest chat, boolean stream, boolean includeUsage) {

    ChatCompletionRequest withCache(CacheOptions cache) {
        return new ChatCompletionRequest(chat.withCache(cache), stream, includeUsage);
    }

    ChatCompletionRequest withHints(RoutingHints hints) {
        return new ChatCompletionRequest(chat.withHints(hints), stream, includeUsage);
    }
}
