package dev.llmrouter.backend;

import dev.llmrouter.chat.Usage;

/** A finished upstream answer. {@code ttftMillis} is the time to the first text, or the whole call. */
public record BackendReply(String content, String finishReason, Usage usage, long latencyMillis, long ttftMillis) {

    public BackendReply {
        content = content == null ? "" : content;
        finishReason = finishReason == null ? "stop" : finishReason;
        usage = usage == null ? Usage.NONE : usage;
    }

    BackendReply timed(long latency, long ttft) {
        return new BackendReply(content, finishReason, usage, latency, ttft);
    }
}
