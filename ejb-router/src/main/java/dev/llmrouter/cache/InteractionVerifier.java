package dev.llmrouter.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslatorContext;
import dev.llmrouter.embed.Embedded;
import dev.llmrouter.embed.PredictorPool;
import java.util.Arrays;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Compares two questions token against token. A small decomposable-attention network (every token
 * of one question attends to the other's tokens, compares itself with what it found, and the two
 * sides are pooled and classified) reads MiniLM's token states of both questions, the same states
 * the sentence vectors are pooled from. Pooled vectors blur a question into one point, so "haunted
 * places in Delhi" and "haunted place in Delhi", or two questions that differ in one rare word, sit
 * equally close; aligned tokens keep that difference visible. Its probability, mixed with the
 * {@link CrossEncoder}'s where that one is shipped, is blended with the {@link EmbeddingVerifier} and
 * {@link TreeVerifier} blend: this class makes the final decision's score.
 *
 * <p>The network is the average of the members cross-fitted by {@code bench/train-interaction}
 * ({@value #MODEL}, run by ONNX Runtime through DJL); the cross-encoder's share, the blend weight and
 * the acceptance threshold are chosen on the held-out part by {@code bench/train-verifier}
 * ({@value #RESOURCE}). Thread-safe: fixed pools of predictors are shared.
 */
public final class InteractionVerifier implements AutoCloseable {

    static final String MODEL = "interaction-verifier.onnx";
    static final String RESOURCE = "interaction-verifier.properties";

    private final PredictorPool<Questions, Float> predictors;
    /** Share of the pair opinion (this network, with the cross-encoder) in the final blend; the rest is the other verifiers' blend. */
    private final double weight;
    private final double threshold;
    /** Asked for undecided pairs; null where the shipped blend gives it no share. */
    private final CrossEncoder crossEncoder;
    /** The cross-encoder's share of the pair opinion, the network having the rest. */
    private final double crossEncoderShare;
    /** Whether a verdict settled before every model ran returns its bound rather than the full score. */
    private final boolean settleEarly;

    private InteractionVerifier(PredictorPool<Questions, Float> predictors, double weight, double threshold,
                                CrossEncoder crossEncoder, double crossEncoderShare, boolean settleEarly) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("blend weight must be within 0..1: " + weight);
        }
        if (crossEncoderShare < 0 || crossEncoderShare > 1) {
            throw new IllegalArgumentException("cross-encoder share must be within 0..1: " + crossEncoderShare);
        }
        this.weight = weight;
        this.threshold = threshold;
        this.predictors = predictors;
        this.crossEncoder = crossEncoder;
        this.crossEncoderShare = crossEncoderShare;
        this.settleEarly = settleEarly;
    }

    /** The shipped network, and the cross-encoder where the shipped blend gives it a share, one predictor per core. */
    public static InteractionVerifier shipped() {
        Properties p = ShippedParameters.load(RESOURCE);
        double weight = Double.parseDouble(ShippedParameters.required(p, RESOURCE, "weight"));
        double threshold = Double.parseDouble(ShippedParameters.required(p, RESOURCE, "threshold"));
        double share = Double.parseDouble(p.getProperty("cross_encoder_share", "0").trim());
        PredictorPool<Questions, Float> network = ShippedParameters.onnx(MODEL, "interaction verifier",
                Questions.class, new PairTranslator());
        try {
            return new InteractionVerifier(network, weight, threshold, share > 0 ? CrossEncoder.shipped() : null, share,
                    true);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * The same models, scoring every pair fully: each model runs for every pair the guards admit,
     * whatever the threshold, so scores can be compared across thresholds (precision/recall curves).
     * Slower; shares this verifier's models, so close this one only.
     */
    public InteractionVerifier scoringEveryPair() {
        return new InteractionVerifier(predictors, weight, threshold, crossEncoder, crossEncoderShare, false);
    }

    /** Runs every model once on a question paired with itself: ONNX Runtime's first run of a graph is slow. */
    void warmUp(Embedded question) {
        probability(question, question);
        if (crossEncoder != null) {
            crossEncoder.probability(question, question);
        }
    }

    /** Acceptance threshold of the final blend. */
    double threshold() {
        return threshold;
    }

    /** The final score from the other verifiers' blend and the pair opinion (network and cross-encoder). */
    private double blend(double otherVerifiers, double pairOpinion) {
        return (1 - weight) * otherVerifiers + weight * pairOpinion;
    }

    private double opinion(double network, double crossEncoderProbability) {
        return (1 - crossEncoderShare) * network + crossEncoderShare * crossEncoderProbability;
    }

    /**
     * The final score of a pair the other verifiers scored {@code others}, against {@code acceptAt}. Each
     * model runs only while the verdict is still open: no token states are asked for when even a certain
     * match could not reach the threshold, and the cross-encoder runs only when its probability, anywhere
     * from 0 to 1, could still turn the verdict. A verdict settled early returns the bound that settled it
     * (the highest reachable score for a refusal, the lowest for a hit).
     *
     * @param cached the cached question's token states, computed on demand
     */
    double score(double others, double acceptAt, Supplier<Embedded> cached, Embedded incoming) {
        double ceiling = blend(others, 1.0);
        if (settleEarly && ceiling < acceptAt) {
            return ceiling;
        }
        Embedded cachedStates = cached.get();
        double network = probability(cachedStates, incoming);
        if (crossEncoder == null) {
            return blend(others, network);
        }
        if (settleEarly) {
            double highest = blend(others, opinion(network, 1.0));
            if (highest < acceptAt) {
                return highest;
            }
            double lowest = blend(others, opinion(network, 0.0));
            if (lowest >= acceptAt) {
                return lowest;
            }
        }
        return blend(others, opinion(network, crossEncoder.probability(cachedStates, incoming)));
    }

    /** Probability that the two questions ask the same thing, from their token states. */
    public double probability(Embedded cached, Embedded incoming) {
        return predictors.predict(new Questions(cached, incoming));
    }

    @Override
    public void close() {
        predictors.close();
        if (crossEncoder != null) {
            crossEncoder.close();
        }
    }

    /** The model's input: the cached question's token states and the incoming one's. */
    record Questions(Embedded cached, Embedded incoming) {
    }

    private static final class PairTranslator extends ProbabilityTranslator<Questions> {

        @Override
        public NDList processInput(TranslatorContext ctx, Questions q) {
            NDManager manager = ctx.getNDManager();
            NDList inputs = new NDList();
            inputs.addAll(side(manager, q.cached(), "a"));
            inputs.addAll(side(manager, q.incoming(), "b"));
            return inputs;
        }

        private static NDList side(NDManager manager, Embedded e, String name) {
            int d = e.vector().length;
            NDArray states = manager.create(e.tokenStates(), new Shape(1, e.tokens(), d));
            states.setName(name);
            float[] ones = new float[e.tokens()];
            Arrays.fill(ones, 1f);
            NDArray mask = manager.create(ones, new Shape(1, e.tokens()));
            mask.setName(name + "_mask");
            return new NDList(states, mask);
        }
    }
}
