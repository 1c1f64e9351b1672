package dev.llmrouter.backend;

import dev.llmrouter.chat.Tier;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one model. The read timeout is also the idle limit between streamed pieces; the
 * time-to-first-token limit bounds the wait for the first piece. Prices are micro-USD per million tokens. The API key is a secret: it is
 * left out of {@link #toString()} and never leaves the backend that uses it.
 */
public record BackendDefinition(
        String id,
        String kind,
        Tier tier,
        URI baseUri,
        String upstreamModel,
        String apiKey,
        long inputMicrosPerMillion,
        long outputMicrosPerMillion,
        Duration connectTimeout,
        Duration readTimeout,
        Duration ttftTimeout,
        boolean simulated) {

    /** Without a separate time-to-first-token limit: the read timeout bounds the wait for the first text too. */
    public BackendDefinition(String id, String kind, Tier tier, URI baseUri, String upstreamModel, String apiKey,
                             long inputMicrosPerMillion, long outputMicrosPerMillion, Duration connectTimeout,
                             Duration readTimeout, boolean simulated) {
        this(id, kind, tier, baseUri, upstreamModel, apiKey, inputMicrosPerMillion, outputMicrosPerMillion,
                connectTimeout, readTimeout, readTimeout, simulated);
    }

    public BackendDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        ttftTimeout = ttftTimeout == null ? readTimeout : ttftTimeout;
        if (inputMicrosPerMillion < 0 || outputMicrosPerMillion < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    /** Cost of a call in micro-USD, rounded up so that many small calls are never free. */
    public long costMicros(int promptTokens, int completionTokens) {
        return ceilDiv(promptTokens * inputMicrosPerMillion, 1_000_000L)
                + ceilDiv(completionTokens * outputMicrosPerMillion, 1_000_000L);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    @Override
    public String toString() {
        return "BackendDefinition[id=" + id + ", kind=" + kind + ", tier=" + tier + ", baseUri=" + baseUri
                + ", upstreamModel=" + upstreamModel + ", simulated=" + simulated + "]";
    }
}
