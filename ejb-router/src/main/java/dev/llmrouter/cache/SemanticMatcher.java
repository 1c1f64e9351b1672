package dev.llmrouter.cache;

/**
 * Decides whether the nearest cached question may answer the incoming one: a cosine floor, then
 * the {@link QuestionGuards} as hard vetoes, then a small learned verifier whose probability
 * must reach the acceptance threshold. With both embeddings at hand the verifier sees them
 * whole ({@link EmbeddingVerifier}); callers that only have a cosine get the scalar
 * {@link VerifierModel}, which is weaker and tuned to its own threshold. Stateless and
 * thread-safe.
 */
public final class SemanticMatcher {

    /** Below this cosine the verifier is not consulted: such neighbours were never duplicates. */
    public static final double MIN_COSINE = 0.70;

    private final QuestionGuards guards = new QuestionGuards();
    private final VerifierModel scalarVerifier;
    private final EmbeddingVerifier embeddingVerifier;
    /** A tenant's own threshold, applied to both verifiers; null keeps each verifier's tuned one. */
    private final Double override;

    /** Shipped verifiers with their tuned thresholds. */
    public SemanticMatcher() {
        this(VerifierModel.shipped(), EmbeddingVerifier.shipped(), null);
    }

    /** Shipped verifiers with another acceptance threshold (0..1; higher serves fewer, safer hits). */
    public SemanticMatcher(double threshold) {
        this(VerifierModel.shipped(), EmbeddingVerifier.shipped(), threshold);
    }

    SemanticMatcher(VerifierModel scalarVerifier, EmbeddingVerifier embeddingVerifier, Double threshold) {
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
        }
        this.scalarVerifier = scalarVerifier;
        this.embeddingVerifier = embeddingVerifier;
        this.override = threshold;
    }

    /** The acceptance threshold of the embedding path, the one the server uses. */
    public double threshold() {
        return override != null ? override : embeddingVerifier.threshold();
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
        MatchDecision early = belowFloor(cosine);
        if (early != null) {
            return early;
        }
        QuestionText cached = new QuestionText(cachedQuestion);
        QuestionText incoming = new QuestionText(incomingQuestion);
        MatchDecision vetoed = vetoed(cached, incoming);
        if (vetoed != null) {
            return vetoed;
        }
        double[] x = EmbeddingVerifier.input(PairFeatures.of(cached, incoming, cosine), cachedVector, incomingVector);
        return verdict(embeddingVerifier.score(x), threshold(), cosine);
    }

    /** Decision from the cosine alone, for callers without the vectors; less precise. */
    public MatchDecision decide(String cachedQuestion, String incomingQuestion, double cosine) {
        MatchDecision early = belowFloor(cosine);
        if (early != null) {
            return early;
        }
        QuestionText cached = new QuestionText(cachedQuestion);
        QuestionText incoming = new QuestionText(incomingQuestion);
        MatchDecision vetoed = vetoed(cached, incoming);
        if (vetoed != null) {
            return vetoed;
        }
        return verdict(scalarVerifier.score(PairFeatures.of(cached, incoming, cosine)), scalarThreshold(), cosine);
    }

    /** The guards' hard veto, or null when they let the pair through to the verifier. */
    private MatchDecision vetoed(QuestionText cached, QuestionText incoming) {
        return guards.refusal(cached, incoming).map(reason -> new MatchDecision(false, 0.0, reason)).orElse(null);
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
