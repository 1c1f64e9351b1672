package dev.llmrouter.chat;

import java.io.Serializable;

/** What the router did with a request: the receipt behind the {@code x-router-*} headers. */
public record RoutingReceipt(
        String requestId,
        String model,
        Tier tier,
        String cacheStatus,
        String reason,
        boolean simulated) implements Serializable {
}
