package dev.llmrouter.cache;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.llmrouter.embed.Embedded;
import dev.llmrouter.embed.PredictorPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Properties;

/**
 * Compares two questions token against token. A small decomposable-attention network (every token
 * of one question attends to the other's tokens, compares itself with what it found, and the two
 * sides are pooled and classified) reads MiniLM's token states of both questions, the same states
 * the sentence vectors are pooled from. Pooled vectors blur a question into one point, so "haunted
 * places in Delhi" and "haunted place in Delhi", or two questions that differ in one rare word, sit
 * equally close; aligned tokens keep that difference visible. Its probability is blended with the
 * {@link EmbeddingVerifier} and {@link TreeVerifier} blend.
 *
 * <p>The network is the average of the members cross-fitted by {@code bench/train-interaction}
 * ({@value #MODEL}, run by ONNX Runtime through DJL); the blend weight and acceptance threshold
 * are chosen on the held-out part by {@code bench/train-verifier} ({@value #RESOURCE}). Thread-safe: a
 * fixed pool of predictors is shared.
 */
public final class InteractionVerifier implements AutoCloseable {

    static final String MODEL = "interaction-verifier.onnx";
    static final String RESOURCE = "interaction-verifier.properties";

    private final PredictorPool<Questions, Float> predictors;
    /** Share of this network's probability in the final blend; the rest is the other verifiers' blend. */
    private final double weight;
    private final double threshold;

    private InteractionVerifier(PredictorPool<Questions, Float> predictors, double weight, double threshold) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("blend weight must be within 0..1: " + weight);
        }
        this.weight = weight;
        this.threshold = threshold;
        this.predictors = predictors;
    }

    /** The shipped network with one predictor per available core. */
    public static InteractionVerifier shipped() {
        Properties p = ShippedParameters.load(RESOURCE);
        double weight = Double.parseDouble(ShippedParameters.required(p, RESOURCE, "weight"));
        double threshold = Double.parseDouble(ShippedParameters.required(p, RESOURCE, "threshold"));
        try (InputStream onnx = InteractionVerifier.class.getResourceAsStream(MODEL)) {
            if (onnx == null) {
                throw new IOException("Missing resource dev/llmrouter/cache/" + MODEL);
            }
            return new InteractionVerifier(PredictorPool.loadOnnx("interaction verifier", onnx, Questions.class,
                    Float.class, new PairTranslator(), Runtime.getRuntime().availableProcessors()), weight, threshold);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + MODEL, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("Cannot load " + MODEL, e);
        }
    }

    /** Acceptance threshold of the final blend. */
    double threshold() {
        return threshold;
    }

    /** The final score from the other verifiers' blend and this network's probability. */
    double blend(double otherVerifiers, double interaction) {
        return (1 - weight) * otherVerifiers + weight * interaction;
    }

    /** The highest final score the other verifiers' blend can still reach, whatever this network says. */
    double ceiling(double otherVerifiers) {
        return blend(otherVerifiers, 1.0);
    }

    /** Probability that the two questions ask the same thing, from their token states. */
    public double probability(Embedded cached, Embedded incoming) {
        return predictors.predict(new Questions(cached, incoming));
    }

    @Override
    public void close() {
        predictors.close();
    }

    /** The model's input: the cached question's token states and the incoming one's. */
    record Questions(Embedded cached, Embedded incoming) {
    }

    private static final class PairTranslator implements Translator<Questions, Float> {

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

        @Override
        public Float processOutput(TranslatorContext ctx, NDList output) {
            return output.get(0).toFloatArray()[0];
        }

        /** One pair per call. */
        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
