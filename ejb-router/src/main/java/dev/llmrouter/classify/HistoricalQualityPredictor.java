package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.RoutingExamples;
import dev.llmrouter.persistence.RoutingHistoryUnavailableException;
import dev.llmrouter.persistence.RoutingNeighbour;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Predicted quality = the learned {@link QualityPrior} for the backend's tier, corrected by the scores
 * observed on the nearest labelled prompts in pgvector ({@link QualityBlend}: by the prior's learned
 * combiner where it has one, by a fixed formula otherwise). One routing decision asks
 * once per candidate backend with the same profile: the nearest examples are read once per embedding
 * and kept for a moment. History that cannot be read leaves the prior alone; it never fails a request.
 */
@ApplicationScoped
public class HistoricalQualityPredictor implements QualityPredictor {

    private static final Logger LOG = Logger.getLogger(HistoricalQualityPredictor.class.getName());
    private static final long REUSE_NANOS = 2_000_000_000L;

    @Inject
    RoutingExamples examples;

    @Inject
    QualitySettings settings;

    /** Null in the container: the shipped parameters. */
    private QualityPrior prior;
    private int neighbours;
    private QualityBlend blend;

    /** Keyed by the embedding array itself (identity): one decision's candidates share it. */
    private final Map<float[], Lookup> recent = Collections.synchronizedMap(new WeakHashMap<>());

    /** For the container. */
    public HistoricalQualityPredictor() {
    }

    /** For tools outside the container (benchmarks). */
    public HistoricalQualityPredictor(RoutingExamples examples, QualityPrior prior, int neighbours, QualityBlend blend) {
        this.examples = examples;
        this.prior = prior;
        this.neighbours = neighbours;
        this.blend = blend;
    }

    @Override
    public QualityEstimate predict(PromptProfile prompt, String backendId, Tier tier) {
        return predict(prompt, backendId, tier, null);
    }

    @Override
    public QualityEstimate predict(PromptProfile prompt, String backendId, Tier tier, Long tenantId) {
        if (tier == Tier.CACHE) {
            throw new IllegalArgumentException("the cache is not a backend");
        }
        double p = prior().predict(tier, prompt.features(), prompt.embedding());
        if (prompt.embedding() == null) {
            return new QualityEstimate(p, "learned prior for the " + tier.name().toLowerCase() + " tier (no embedding)");
        }
        return blend().estimate(prior(), prompt.features(), prompt.embedding(), nearest(prompt.embedding(), tenantId),
                backendId, tier);
    }

    private List<RoutingNeighbour> nearest(float[] embedding, Long tenantId) {
        long now = System.nanoTime();
        Lookup hit = recent.get(embedding);
        if (hit != null && Objects.equals(hit.tenantId, tenantId) && now - hit.at < REUSE_NANOS) {
            return hit.neighbours;
        }
        List<RoutingNeighbour> found;
        try {
            found = examples.nearest(tenantId, embedding, neighbourCount());
        } catch (RoutingHistoryUnavailableException e) {
            LOG.log(Level.WARNING, "Routing history unavailable; predicting from the prior alone", e);
            found = List.of();
        }
        recent.put(embedding, new Lookup(tenantId, now, found));
        return found;
    }

    private int neighbourCount() {
        return settings != null ? settings.neighbours() : neighbours;
    }

    private QualityBlend blend() {
        return settings != null ? settings.blend() : blend;
    }

    private record Lookup(Long tenantId, long at, List<RoutingNeighbour> neighbours) {
    }

    private QualityPrior prior() {
        return prior != null ? prior : QualityPrior.shipped();
    }
}
