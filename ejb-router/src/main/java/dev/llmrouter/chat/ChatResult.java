package dev.llmrouter.chat;

import java.io.Serializable;

/** A complete answer, with what it used and cost. */
public record ChatResult(
        RoutingReceipt receipt,
        String content,
        String finishReason,
        Usage usage,
        long costMicros,
        long savedMicros,
        long createdEpochSeconds) implements Serializable {
}
