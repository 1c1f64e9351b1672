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
 */
public record QualityBlend(double priorWeight, double similarityPower, int perBackend, double minSimilarity,
                           double minHistoryWeight, double tierDiscount) {

    /** The defaults measured best by {@code bench/route-eval} on held-out development prompts. */
    public static final QualityBlend DEFAULT = new QualityBlend(30, 1, 60, 0.2, 1, 0.5);

    public QualityBlend {
        if (priorWeight < 0 || similarityPower < 0 || perBackend < 1 || tierDiscount < 0 || tierDiscount > 1) {
            throw new IllegalArgumentException("invalid quality blend settings");
        }
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
    }
}
