package dev.llmrouter.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The shipped matcher, and one per acceptance threshold that tenants chose for themselves. */
@ApplicationScoped
public class SemanticMatchers {

    private final SemanticMatcher shipped = new SemanticMatcher();
    private final ConcurrentMap<Double, SemanticMatcher> byThreshold = new ConcurrentHashMap<>();

    public SemanticMatcher forThreshold(Double tenantThreshold) {
        return tenantThreshold == null ? shipped : byThreshold.computeIfAbsent(tenantThreshold, SemanticMatcher::new);
    }
}
