package dev.llmrouter.cache;

/**
 * Decides whether the nearest cached question may answer the incoming one: a cosine floor, then
 * the {@link QuestionGuards} as hard vetoes, then a small learned verifier whose probability
 * must reach the acceptance threshold. Stateless and thread-safe.
 */
public final class SemanticMatcher {

    /** Below this cosine the verifier is not consulted: such neighbours were never duplicates. */
    public static final double MIN_COSINE = 0.70;

    private final QuestionGuards guards = new QuestionGuards();
    private final VerifierModel verifier;
    private final double threshold;

    /** Shipped verifier with its tuned threshold. */
    public SemanticMatcher() {
        this(VerifierModel.shipped());
    }

    /** Shipped verifier with another acceptance threshold (0..1; higher serves fewer, safer hits). */
    public SemanticMatcher(double threshold) {
        this(VerifierModel.shipped(), threshold);
    }

    SemanticMatcher(VerifierModel verifier) {
        this(verifier, verifier.threshold());
    }

    SemanticMatcher(VerifierModel verifier, double threshold) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
        }
        this.verifier = verifier;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public MatchDecision decide(String cachedQuestion, String incomingQuestion, double cosine) {
        if (cosine < MIN_COSINE) {
            return new MatchDecision(false, cosine, String.format("cosine %.3f below %.2f", cosine, MIN_COSINE));
        }
        QuestionText cached = new QuestionText(cachedQuestion);
        QuestionText incoming = new QuestionText(incomingQuestion);
        var refusal = guards.refusal(cached, incoming);
        if (refusal.isPresent()) {
            return new MatchDecision(false, 0.0, refusal.get());
        }
        double p = verifier.score(PairFeatures.of(cached, incoming, cosine));
        boolean hit = p >= threshold;
        return new MatchDecision(hit, p,
                String.format("verifier %.3f %s %.3f (cosine %.3f)", p, hit ? ">=" : "<", threshold, cosine));
    }

    /** Verifier probability ignoring floor and guards; for tuning curves, not for serving. */
    double verifierScore(String cachedQuestion, String incomingQuestion, double cosine) {
        return verifier.score(PairFeatures.of(new QuestionText(cachedQuestion), new QuestionText(incomingQuestion), cosine));
    }
}
