package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.RoutingNeighbour;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The learned prior corrected by what was observed on similar labelled prompts: a Beta-style posterior
 * mean {@code (m x prior + sum w_i x score_i) / (m + sum w_i)}, where each neighbour weighs its cosine
 * similarity to the power {@code p} and the prior counts as {@code m} neighbours. The backend's own
 * examples are used when they weigh enough; otherwise its tier's (other backends of the same tier, at a
 * discount); otherwise the prior alone. The more history resembles the prompt, the less the prior matters.
 * Where the prior's segment has a learned combiner and both tiers have history near the prompt, that
 * combiner replaces the formula ({@code learned}; see {@link #estimate(QualityPrior, double[], float[], List,
 * String, Tier)}).
 */
public record QualityBlend(double priorWeight, double similarityPower, int perBackend, double minSimilarity,
                           double minHistoryWeight, double tierDiscount, boolean learned) {

    /** The defaults measured best by {@code bench/route-eval} on held-out development prompts. */
    public static final QualityBlend DEFAULT = new QualityBlend(30, 1, 60, 0.2, 1, 0.5, true);

    public QualityBlend {
        if (priorWeight < 0 || similarityPower < 0 || perBackend < 1 || tierDiscount < 0 || tierDiscount > 1) {
            throw new IllegalArgumentException("invalid quality blend settings");
        }
    }

    /** The formula alone, never a learned combiner. */
    public QualityBlend(double priorWeight, double similarityPower, int perBackend, double minSimilarity,
                        double minHistoryWeight, double tierDiscount) {
        this(priorWeight, similarityPower, perBackend, minSimilarity, minHistoryWeight, tierDiscount, false);
    }

    /**
     * The prediction for the backend: the prior's learned combiner when its segment has one, {@code learned}
     * is on and both tiers have history near the prompt (the tier's own evidence is the backend's examples,
     * or its tier's when it has too few; the other tier's is all of that tier's); otherwise the formula of
     * {@link #estimate(double, List, String, Tier)} on the prior. {@code neighbours} most similar first.
     */
    public QualityEstimate estimate(QualityPrior prior, double[] features, float[] embedding,
                                    List<RoutingNeighbour> neighbours, String backendId, Tier tier) {
        double p = prior.predict(tier, features, embedding);
        if (learned && tier != Tier.CACHE && prior.combines(features)) {
            Evidence local = tierEvidence(neighbours, backendId, tier, Tier.LOCAL);
            Evidence cloud = tierEvidence(neighbours, backendId, tier, Tier.CLOUD);
            if (local.weight >= minHistoryWeight && cloud.weight >= minHistoryWeight) {
                QualityPrior.History history = new QualityPrior.History(local.weightedScore / local.weight,
                        cloud.weightedScore / cloud.weight, (local.weight + cloud.weight) / 2,
                        Math.max(local.maxSimilarity, cloud.maxSimilarity),
                        (local.similarities / local.count + cloud.similarities / cloud.count) / 2);
                double q = prior.combine(tier, features, embedding, history);
                Evidence own = tier == Tier.LOCAL ? local : cloud;
                return new QualityEstimate(clamp(q), String.format(Locale.ROOT,
                        "learned blend of the prior %.2f with %d similar labelled prompts of %s (mean %.2f) and %d of"
                                + " the other tier (mean %.2f)", p, own.count, backendId, own.weightedScore / own.weight,
                        (tier == Tier.LOCAL ? cloud : local).count,
                        (tier == Tier.LOCAL ? cloud : local).weightedScore / (tier == Tier.LOCAL ? cloud : local).weight));
            }
        }
        return estimate(p, neighbours, backendId, tier);
    }

    private Evidence tierEvidence(List<RoutingNeighbour> neighbours, String backendId, Tier tier, Tier of) {
        String name = of.name();
        if (of == tier) {
            Evidence own = collect(neighbours, n -> n.backend().equals(backendId), 1);
            if (own.weight >= minHistoryWeight) {
                return own;
            }
        }
        return collect(neighbours, n -> n.tier().equals(name), 1);
    }

    /** {@code neighbours} most similar first, as the history returns them. */
    public QualityEstimate estimate(double prior, List<RoutingNeighbour> neighbours, String backendId, Tier tier) {
        String tierName = tier.name();
        Evidence own = collect(neighbours, n -> n.backend().equals(backendId), 1);
        if (own.weight >= minHistoryWeight) {
            return combine(prior, own, backendId);
        }
        Evidence sameTier = collect(neighbours, n -> n.tier().equals(tierName) && !n.backend().equals(backendId),
                tierDiscount);
        if (sameTier.weight >= minHistoryWeight) {
            return combine(prior, sameTier, "the " + tierName.toLowerCase(Locale.ROOT) + " tier");
        }
        return new QualityEstimate(clamp(prior), "learned prior for the " + tierName.toLowerCase(Locale.ROOT) + " tier");
    }

    private QualityEstimate combine(double prior, Evidence e, String whose) {
        double q = (priorWeight * prior + e.weightedScore) / (priorWeight + e.weight);
        return new QualityEstimate(clamp(q), String.format(Locale.ROOT,
                "%d similar labelled prompts of %s (mean %.2f, weight %.1f) with the learned prior %.2f",
                e.count, whose, e.weightedScore / e.weight, e.weight, prior));
    }

    private Evidence collect(List<RoutingNeighbour> neighbours, Predicate<RoutingNeighbour> which, double discount) {
        Evidence e = new Evidence();
        for (RoutingNeighbour n : neighbours) {
            if (e.count == perBackend) {
                break;
            }
            if (n.similarity() < minSimilarity || !which.test(n)) {
                continue;
            }
            double w = discount * Math.pow(n.similarity(), similarityPower);
            e.count++;
            e.weight += w;
            e.weightedScore += w * n.score();
            e.similarities += n.similarity();
            e.maxSimilarity = Math.max(e.maxSimilarity, n.similarity());
        }
        return e;
    }

    private static double clamp(double q) {
        return Math.min(1, Math.max(0, q));
    }

    private static final class Evidence {
        int count;
        double weight;
        double weightedScore;
        double similarities;
        double maxSimilarity;
    }
}
