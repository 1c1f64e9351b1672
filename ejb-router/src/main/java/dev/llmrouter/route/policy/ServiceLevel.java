package dev.llmrouter.route.policy;

import java.io.Serializable;

/**
 * The bounds one request is routed under: its SLA policy (the key's, else the tenant's, else the router's
 * defaults) tightened by the request's own hints. A hint can only make a bound stricter.
 *
 * @param policy          the SLA policy's name, or null for the router's defaults
 * @param latencyTargetMs the policy's latency target: a soft bound, paid for in the utility when missed
 * @param deadlineMs      the request's {@code x-router-deadline-ms}: a hard bound while any candidate meets it
 * @param maxCostMicros   the most the request may cost: a hard bound, or null
 * @param minQuality      the lowest acceptable predicted quality: a hard bound while any candidate meets it, or null
 * @param costWeight      quality points one USD is worth, before budget pacing
 */
public record ServiceLevel(String policy, Long latencyTargetMs, Long deadlineMs, Long maxCostMicros,
                           Double minQuality, double costWeight) implements Serializable {

    public ServiceLevel {
        if (costWeight < 0) {
            throw new IllegalArgumentException("cost weight cannot be negative");
        }
    }

    /** The latency the utility judges against: the stricter of target and deadline. */
    public Long effectiveTargetMs() {
        if (latencyTargetMs == null) {
            return deadlineMs;
        }
        return deadlineMs == null ? latencyTargetMs : Math.min(latencyTargetMs, deadlineMs);
    }

    /** These bounds tightened by a request's hints (each null when the request gave none). */
    public ServiceLevel tightenedBy(Long hintDeadlineMs, Long hintMaxCostMicros, Double hintMinQuality) {
        return new ServiceLevel(policy, latencyTargetMs, min(deadlineMs, hintDeadlineMs),
                min(maxCostMicros, hintMaxCostMicros),
                hintMinQuality == null ? minQuality : minQuality == null ? hintMinQuality
                        : Double.valueOf(Math.max(minQuality, hintMinQuality)), costWeight);
    }

    private static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }
}
