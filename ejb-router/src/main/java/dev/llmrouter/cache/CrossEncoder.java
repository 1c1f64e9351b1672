package dev.llmrouter.cache;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslatorContext;
import dev.llmrouter.embed.Embedded;
import dev.llmrouter.embed.PredictorPool;
import java.util.Arrays;

/**
 * Reads both questions at once. MiniLM, fine-tuned as a cross-encoder on the development pairs by
 * {@code bench/train-cross-encoder}, sees "[CLS] cached [SEP] incoming [SEP]", so every layer's attention
 * runs across the two questions, where the embedding model and the {@link InteractionVerifier} only
 * compare what each question became alone. It is the most accurate opinion and the dearest (one more
 * model run over both questions), so the {@link InteractionVerifier} asks it only for pairs the other
 * verifiers leave undecided. The graph ({@value #MODEL}) stores its weights as int8; its input ids are
 * the embedding model's, so no second tokenizer runs. Thread-safe: a fixed pool of predictors is shared.
 */
final class CrossEncoder implements AutoCloseable {

    static final String MODEL = "cross-encoder.onnx";
    /** Tokens kept of each question, its [SEP] included, as in training: two sides fit the graph's 128 positions. */
    static final int SIDE = 64;

    private final PredictorPool<Input, Float> predictors;

    private CrossEncoder(PredictorPool<Input, Float> predictors) {
        this.predictors = predictors;
    }

    /** The shipped model with one predictor per available core. */
    static CrossEncoder shipped() {
        return new CrossEncoder(ShippedParameters.onnx(MODEL, "cross-encoder", Input.class, new InputTranslator()));
    }

    /** Probability that the two questions ask the same thing, from the token ids their embeddings read. */
    double probability(Embedded cached, Embedded incoming) {
        return predictors.predict(Input.of(cached.tokenIds(), incoming.tokenIds()));
    }

    @Override
    public void close() {
        predictors.close();
    }

    /**
     * The graph's input: "[CLS] cached [SEP] incoming [SEP]" and the token types, 0 up to the first [SEP],
     * 1 after it.
     */
    record Input(long[] ids, long[] types) {

        /**
         * From each question's ids ([CLS] ... [SEP]), each cut to {@link #SIDE} tokens with its [SEP] kept;
         * the incoming question's [CLS] is dropped.
         */
        static Input of(long[] cached, long[] incoming) {
            long[] a = cut(cached);
            long[] b = cut(incoming);
            int n = a.length + b.length - 1;
            long[] ids = Arrays.copyOf(a, n);
            System.arraycopy(b, 1, ids, a.length, b.length - 1);
            long[] types = new long[n];
            Arrays.fill(types, a.length, n, 1L);
            return new Input(ids, types);
        }

        private static long[] cut(long[] ids) {
            if (ids.length < 2) {
                throw new IllegalArgumentException("a question's ids hold at least [CLS] and [SEP]: " + ids.length);
            }
            if (ids.length <= SIDE) {
                return ids;
            }
            long[] kept = Arrays.copyOf(ids, SIDE);
            kept[SIDE - 1] = ids[ids.length - 1];
            return kept;
        }
    }

    private static final class InputTranslator extends ProbabilityTranslator<Input> {

        @Override
        public NDList processInput(TranslatorContext ctx, Input input) {
            NDManager manager = ctx.getNDManager();
            NDArray ids = manager.create(new long[][] {input.ids()});
            ids.setName("input_ids");
            NDArray types = manager.create(new long[][] {input.types()});
            types.setName("token_type_ids");
            return new NDList(ids, types);
        }
    }
}
