package dev.llmrouter.chat;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a request asks of the routing besides its body: a deadline, a cost ceiling and a quality floor
 * (each null when not asked; each can only tighten the SLA policy that applies), and the request's
 * headers by lower-case name, which routing rules may look at.
 */
public record RoutingHints(Long deadlineMs, Long maxCostMicros, Double minQuality, Map<String, String> headers)
        implements Serializable {

    public static final RoutingHints NONE = new RoutingHints(null, null, null, Map.of());

    public RoutingHints {
        if (deadlineMs != null && deadlineMs <= 0) {
            throw new IllegalArgumentException("deadline must be positive");
        }
        if (maxCostMicros != null && maxCostMicros < 0) {
            throw new IllegalArgumentException("max cost cannot be negative");
        }
        if (minQuality != null && !(minQuality >= 0 && minQuality <= 1)) {
            throw new IllegalArgumentException("min quality must be in 0..1");
        }
        TreeMap<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        }
        headers = Map.copyOf(lower);
    }
}
