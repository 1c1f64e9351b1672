package dev.llmrouter.cache;

import dev.llmrouter.embed.Embedded;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The shipped matcher, and one per acceptance threshold that tenants chose for themselves; all share
 * one token-interaction verifier, whose model is loaded once.
 */
@ApplicationScoped
public class SemanticMatchers {

    private final InteractionVerifier interaction = InteractionVerifier.shipped();
    private final SemanticMatcher shipped = new SemanticMatcher(null, interaction);
    private final ConcurrentMap<Double, SemanticMatcher> byThreshold = new ConcurrentHashMap<>();

    public SemanticMatcher forThreshold(Double tenantThreshold) {
        return tenantThreshold == null ? shipped
                : byThreshold.computeIfAbsent(tenantThreshold, t -> new SemanticMatcher(t, interaction));
    }

    /** Loads the pair models now and runs each once, so the first lookup that needs them pays neither. */
    public void warmUp(Embedded question) {
        interaction.warmUp(question);
    }

    @PreDestroy
    void close() {
        interaction.close();
    }
}
