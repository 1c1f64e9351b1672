package dev.llmrouter.classify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much labelled history the quality prediction reads, and how much it trusts it over the learned prior. */
@ApplicationScoped
public class QualitySettings {

    @Inject
    @ConfigProperty(name = "router.quality.neighbours", defaultValue = "120")
    int neighbours;

    @Inject
    @ConfigProperty(name = "router.quality.per-backend", defaultValue = "60")
    int perBackend;

    @Inject
    @ConfigProperty(name = "router.quality.prior-weight", defaultValue = "30")
    double priorWeight;

    @Inject
    @ConfigProperty(name = "router.quality.similarity-power", defaultValue = "1")
    double similarityPower;

    @Inject
    @ConfigProperty(name = "router.quality.min-similarity", defaultValue = "0.2")
    double minSimilarity;

    @Inject
    @ConfigProperty(name = "router.quality.min-history-weight", defaultValue = "1")
    double minHistoryWeight;

    @Inject
    @ConfigProperty(name = "router.quality.tier-discount", defaultValue = "0.5")
    double tierDiscount;

    /** Off: history corrects the prior by the fixed formula only, never by the prior's learned combiner. */
    @Inject
    @ConfigProperty(name = "router.quality.learned-blend", defaultValue = "true")
    boolean learnedBlend;

    /** Nearest labelled examples read per prediction, over all backends. */
    public int neighbours() {
        return neighbours;
    }

    public QualityBlend blend() {
        return new QualityBlend(priorWeight, similarityPower, perBackend, minSimilarity, minHistoryWeight,
                tierDiscount, learnedBlend);
    }
}
