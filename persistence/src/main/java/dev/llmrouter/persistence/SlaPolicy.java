package dev.llmrouter.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * A service-level policy as {@code sla_policies} holds it: the latency a request should be answered in,
 * the most one request may cost (micro-USD), the lowest predicted quality acceptable, and how many
 * quality points one USD is worth. Null limits are unset; a null cost weight is the router's default.
 */
public record SlaPolicy(long id, String name, String description, int latencyTargetMs, Long maxCostMicros,
                        Double minQuality, Double costWeight, Instant updatedAt) {

    public SlaPolicy {
        Objects.requireNonNull(name, "name");
    }
}
