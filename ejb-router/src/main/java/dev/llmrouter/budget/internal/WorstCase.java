package dev.llmrouter.budget.internal;

import dev.llmrouter.backend.BackendDefinition;
import dev.llmrouter.chat.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The most a call can cost. Input tokens are over-counted on purpose: three UTF-8 bytes a token
 * (real tokenizers average about four characters of English a token, and one CJK character is three
 * bytes), plus framing per message and for the reply. Output is exactly the max_tokens bound upstream.
 */
final class WorstCase {

    static final int TOKENS_PER_MESSAGE = 4;
    static final int TOKENS_PER_REPLY = 3;
    private static final int BYTES_PER_TOKEN = 3;

    private WorstCase() {
    }

    static int inputTokens(List<ChatMessage> messages) {
        long tokens = TOKENS_PER_REPLY;
        for (ChatMessage message : messages) {
            long bytes = message.content().getBytes(StandardCharsets.UTF_8).length
                    + (long) message.role().getBytes(StandardCharsets.UTF_8).length;
            tokens += ceilDiv(bytes, BYTES_PER_TOKEN) + TOKENS_PER_MESSAGE;
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    static long costMicros(BackendDefinition backend, List<ChatMessage> messages, int maxOutputTokens) {
        return backend.costMicros(inputTokens(messages), maxOutputTokens);
    }

    /** The output bound: the request's own max_tokens, else the configured default. */
    static int maxOutputTokens(Integer requested, int defaultMax) {
        return requested != null && requested > 0 ? requested : defaultMax;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
