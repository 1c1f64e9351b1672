package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A backend as the {@code backends} table holds it. Null settings mean "the configured default"; the
 * API key is never here, only {@code apiKeyRef}, the name of the MicroProfile Config property that holds it.
 */
public record StoredBackend(
        String name,
        String kind,
        String tier,
        String baseUrl,
        String upstreamModel,
        Long inputMicrosPerMillion,
        Long outputMicrosPerMillion,
        Integer maxConcurrency,
        Integer maxWaitQueue,
        Integer connectTimeoutMs,
        Integer readTimeoutMs,
        Integer ttftTimeoutMs,
        String apiKeyRef,
        boolean allowPrivateNetwork,
        boolean enabled,
        boolean simulated,
        Instant updatedAt) {

    public StoredBackend {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
    }

    public StoredBackend withEnabled(boolean on) {
        return new StoredBackend(name, kind, tier, baseUrl, upstreamModel, inputMicrosPerMillion,
                outputMicrosPerMillion, maxConcurrency, maxWaitQueue, connectTimeoutMs, readTimeoutMs, ttftTimeoutMs,
                apiKeyRef, allowPrivateNetwork, on, simulated, updatedAt);
    }
}
