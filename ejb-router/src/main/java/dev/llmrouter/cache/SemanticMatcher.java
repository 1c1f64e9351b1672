package dev.llmrouter.cache;

import dev.llmrouter.embed.Embedded;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Decides whether the nearest cached question may answer the incoming one: a cosine floor, then
 * the {@link QuestionGuards} as hard vetoes, then a small learned verifier whose probability
 * must reach the acceptance threshold. With both embeddings at hand the verifier sees them
 * whole ({@link EmbeddingVerifier}) and its probability is blended with boosted trees over the
 * lexical features ({@link TreeVerifier}); callers that only have a cosine get the scalar
 * {@link VerifierModel}, which is weaker and tuned to its own threshold. With the questions' token
 * states as well, that blend is blended once more with the {@link InteractionVerifier}, which
 * compares the questions token against token (and asks the {@link CrossEncoder} about pairs still
 * undecided), under its own threshold; the server always takes this path. Stateless and thread-safe.
 */
public final class SemanticMatcher {

    /** Below this cosine the verifier is not consulted: such neighbours were never duplicates. */
    public static final double MIN_COSINE = 0.70;

    private final QuestionGuards guards = new QuestionGuards();
    private final VerifierModel scalarVerifier;
    private final EmbeddingVerifier embeddingVerifier;
    private final TreeVerifier trees;
    private final WordRarity rarity;
    /** Null where token states are never at hand (the bench's cosine-only checks, unit tests). */
    private final InteractionVerifier interaction;
    /** A tenant's own threshold, applied to both verifiers; null keeps each verifier's tuned one. */
    private final Double override;

    /** Shipped verifiers with their tuned thresholds, without the token-interaction verifier. */
    public SemanticMatcher() {
        this((Double) null, null);
    }

    /** As {@link #SemanticMatcher()} with another acceptance threshold (0..1; higher serves fewer, safer hits). */
    public SemanticMatcher(double threshold) {
        this(Double.valueOf(threshold), null);
    }

    /**
     * Shipped verifiers, the given token-interaction verifier (shared: it holds a model) and a tenant's
     * acceptance threshold, or null for the tuned one.
     */
    public SemanticMatcher(Double threshold, InteractionVerifier interaction) {
        this(VerifierModel.shipped(), EmbeddingVerifier.shipped(), TreeVerifier.shipped(), WordRarity.shipped(),
                interaction, threshold);
    }

    SemanticMatcher(VerifierModel scalarVerifier, EmbeddingVerifier embeddingVerifier, TreeVerifier trees,
                    WordRarity rarity, InteractionVerifier interaction, Double threshold) {
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
        }
        this.scalarVerifier = scalarVerifier;
        this.embeddingVerifier = embeddingVerifier;
        this.trees = trees;
        this.rarity = rarity;
        this.interaction = interaction;
        this.override = threshold;
    }

    /**
     * The acceptance threshold of the path the server takes: the final blend with token states when
     * this matcher has the interaction verifier, else the embedding path's blend.
     */
    public double threshold() {
        return override != null ? override : interaction != null ? interaction.threshold() : trees.threshold();
    }

    /** Threshold of the embedding path without token states. */
    double embeddingThreshold() {
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
        checkDimensions(cachedVector, incomingVector);
        double cosine = dot(cachedVector, incomingVector);
        return screenThenScore(cachedQuestion, incomingQuestion, cosine,
                features -> embeddingBlend(features, cachedVector, incomingVector), embeddingThreshold());
    }

    private double embeddingBlend(double[] features, float[] cachedVector, float[] incomingVector) {
        return trees.blend(embeddingVerifier.score(EmbeddingVerifier.input(features, cachedVector, incomingVector)),
                features);
    }

    /**
     * The server's path: the embedding path's blend, then the token-interaction verifier over both
     * questions' token states and, for pairs still undecided, the cross-encoder over both questions at
     * once. The cached question's states cost a model run, so they are only asked for when those
     * verifiers could still lift the pair over the threshold.
     *
     * @param cached the cached question's token states, computed on demand
     */
    public MatchDecision decide(String cachedQuestion, String incomingQuestion, float[] cachedVector,
                                Embedded incoming, Supplier<Embedded> cached) {
        if (interaction == null) {
            return decide(cachedQuestion, incomingQuestion, cachedVector, incoming.vector());
        }
        float[] incomingVector = incoming.vector();
        checkDimensions(cachedVector, incomingVector);
        double cosine = dot(cachedVector, incomingVector);
        double acceptAt = threshold();
        return screenThenScore(cachedQuestion, incomingQuestion, cosine, features -> interaction.score(
                embeddingBlend(features, cachedVector, incomingVector), acceptAt, cached, incoming), acceptAt);
    }

    private void checkDimensions(float[] cachedVector, float[] incomingVector) {
        int d = embeddingVerifier.dimensions();
        if (cachedVector.length != d || incomingVector.length != d) {
            throw new IllegalArgumentException("expected " + d + "-d vectors, got "
                    + cachedVector.length + " and " + incomingVector.length);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
