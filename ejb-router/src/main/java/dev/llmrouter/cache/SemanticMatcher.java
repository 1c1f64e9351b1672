package dev.llmrouter.cache;

import java.util.function.ToDoubleFunction;

/**
 * Decides whether the nearest cached question may answer the incoming one: a cosine floor, then
 * the {@link QuestionGuards} as hard vetoes, then a small learned verifier whose probability
 * must reach the acceptance threshold. With both embeddings at hand the verifier sees them
 * whole ({@link EmbeddingVerifier}) and its probability is blended with boosted trees over the
 * lexical features ({@link TreeVerifier}); callers that only have a cosine get the scalar
 * {@link VerifierModel}, which is weaker and tuned to its own threshold. Stateless and
 * thread-safe.
 */
public final class SemanticMatcher {

    /** Below this cosine the verifier is not consulted: such neighbours were never duplicates. */
    public static final double MIN_COSINE = 0.70;

    private final QuestionGuards guards = new QuestionGuards();
    private final VerifierModel scalarVerifier;
    private final EmbeddingVerifier embeddingVerifier;
    private final TreeVerifier trees;
    private final WordRarity rarity;
    /** A tenant's own threshold, applied to both verifiers; null keeps each verifier's tuned one. */
    private final Double override;

    /** Shipped verifiers with their tuned thresholds. */
    public SemanticMatcher() {
        this(VerifierModel.shipped(), EmbeddingVerifier.shipped(), TreeVerifier.shipped(), WordRarity.shipped(), null);
    }

    /** Shipped verifiers with another acceptance threshold (0..1; higher serves fewer, safer hits). */
    public SemanticMatcher(double threshold) {
        this(VerifierModel.shipped(), EmbeddingVerifier.shipped(), TreeVerifier.shipped(), WordRarity.shipped(),
                threshold);
    }

    SemanticMatcher(VerifierModel scalarVerifier, EmbeddingVerifier embeddingVerifier, TreeVerifier trees,
                    WordRarity rarity, Double threshold) {
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
        }
        this.scalarVerifier = scalarVerifier;
        this.embeddingVerifier = embeddingVerifier;
        this.trees = trees;
        this.rarity = rarity;
        this.override = threshold;
    }

    /** The acceptance threshold of the embedding path (the blended probability), the one the server uses. */
    public double threshold() {
        return override != null ? override : trees.threshold();
    }

    /** Threshold of the cosine-only path. */
    double scalarThreshold() {
        return override != null ? override : scalarVerifier.threshold();
    }

    /**
     * Decision from the two unit-length embeddings (cosine = dot product). This is the accurate
     * path: prefer it whenever the cached question's vector is available.
     */
    public MatchDecision decide(String cachedQuestion, String incomingQuestion, float[] cachedVector,
                                float[] incomingVector) {
        int d = embeddingVerifier.dimensions();
        if (cachedVector.length != d || incomingVector.length != d) {
            throw new IllegalArgumentException("expected " + d + "-d vectors, got "
                    + cachedVector.length + " and " + incomingVector.length);
        }
        double cosine = 0;
        for (int i = 0; i < d; i++) {
            cosine += cachedVector[i] * incomingVector[i];
        }
        return screenThenScore(cachedQuestion, incomingQuestion, cosine,
                features -> trees.blend(
                        embeddingVerifier.score(EmbeddingVerifier.input(features, cachedVector, incomingVector)), features),
                threshold());
    }

    /** Decision from the cosine alone, for callers without the vectors; less precise. */
    public MatchDecision decide(String cachedQuestion, String incomingQuestion, double cosine) {
        return screenThenScore(cachedQuestion, incomingQuestion, cosine, scalarVerifier::score, scalarThreshold());
    }

    /**
     * The steps both paths share: the cosine floor, then the guards' hard veto, then the given verifier's
     * probability against its threshold.
     */
    private MatchDecision screenThenScore(String cachedQuestion, String incomingQuestion, double cosine,
                                          ToDoubleFunction<double[]> score, double acceptAt) {
        MatchDecision early = belowFloor(cosine);
        if (early != null) {
            return early;
        }
        QuestionText cached = new QuestionText(cachedQuestion);
        QuestionText incoming = new QuestionText(incomingQuestion);
        var refusal = guards.refusal(cached, incoming);
        if (refusal.isPresent()) {
            return new MatchDecision(false, 0.0, refusal.get());
        }
        return verdict(score.applyAsDouble(PairFeatures.of(cached, incoming, cosine, rarity)), acceptAt, cosine);
    }

    private static MatchDecision belowFloor(double cosine) {
        if (cosine < MIN_COSINE) {
            return new MatchDecision(false, cosine, String.format("cosine %.3f below %.2f", cosine, MIN_COSINE));
        }
        return null;
    }

    private static MatchDecision verdict(double p, double threshold, double cosine) {
        boolean hit = p >= threshold;
        return new MatchDecision(hit, p,
                String.format("verifier %.3f %s %.3f (cosine %.3f)", p, hit ? ">=" : "<", threshold, cosine));
    }
}
