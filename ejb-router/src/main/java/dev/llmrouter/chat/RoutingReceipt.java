package dev.llmrouter.chat;

import java.io.Serializable;

/** What the router did with a request: the receipt behind the {@code x-router-*} headers. */
public record RoutingReceipt(
        String requestId,
        String model,
        Tier tier,
        String cacheStatus,
        String reason,
        boolean simulated,
        Double cacheSimilarity,
        Long cacheEntryId) implements Serializable {

    public RoutingReceipt withCacheStatus(String status) {
        return new RoutingReceipt(requestId, model, tier, status, reason, simulated, cacheSimilarity, cacheEntryId);
    }
}
