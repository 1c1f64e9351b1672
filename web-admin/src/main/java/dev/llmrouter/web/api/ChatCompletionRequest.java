package dev.llmrouter.web.api;

import dev.llmrouter.chat.ChatRequest;

/** A parsed {@code /v1/chat/completions} body: the router's request plus how to deliver the answer. */
record ChatCompletionRequest(ChatRequest chat, boolean stream, boolean includeUsage) {
}
