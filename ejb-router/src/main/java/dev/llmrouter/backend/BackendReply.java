package dev.llmrouter.backend;

import dev.llmrouter.chat.Usage;

/**
 * A finished upstream answer. {@code ttftMillis} is the time to the first text, or the whole call;
 * {@code attempts} counts the calls the router's retries made to get it.
 */
public record BackendReply(String content, String finishReason, Usage usage, long latencyMillis, long ttftMillis,
                           int attempts) {

    public BackendReply {
        content = content == null ? "" : content;
        finishReason = finishReason == null ? "stop" : finishReason;
        usage = usage == null ? Usage.NONE : usage;
        attempts = Math.max(1, attempts);
    }

    public BackendReply(String content, String finishReason, Usage usage, long latencyMillis, long ttftMillis) {
        this(content, finishReason, usage, latencyMillis, ttftMillis, 1);
    }

    BackendReply timed(long latency, long ttft) {
        return new BackendReply(content, finishReason, usage, latency, ttft, attempts);
    }

    BackendReply afterAttempts(int count) {
        return new BackendReply(content, finishReason, usage, latencyMillis, ttftMillis, count);
    }
}
