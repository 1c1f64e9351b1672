package dev.llmrouter.route.admin;

/** An SLA policy as an operator writes it; null limits are unset, a null cost weight takes the router's. */
public record SlaSpec(String name, String description, Integer latencyTargetMs, Long maxCostMicros, Double minQuality,
                      Double costWeight) {
}
