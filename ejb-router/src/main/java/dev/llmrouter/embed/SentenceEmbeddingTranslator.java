package dev.llmrouter.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * Feeds one tokenised text to the BERT-style ONNX graph and mean-pools its token vectors; the
 * token vectors themselves are kept alongside for verifiers that compare questions token by token.
 * Pooling runs in plain Java because ONNX Runtime's NDArrays support almost no operations
 * without a second DJL engine, and this keeps the server free of one.
 */
final class SentenceEmbeddingTranslator implements Translator<Encoding, Embedded> {

    private final int dimensions;

    SentenceEmbeddingTranslator(int dimensions) {
        this.dimensions = dimensions;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Encoding encoding) {
        NDManager manager = ctx.getNDManager();
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        ctx.setAttachment("mask", mask);
        ctx.setAttachment("ids", ids);
        NDArray inputIds = manager.create(new long[][] {ids});
        inputIds.setName("input_ids");
        NDArray attention = manager.create(new long[][] {mask});
        attention.setName("attention_mask");
        NDArray typeIds = manager.create(new long[][] {encoding.getTypeIds()});
        typeIds.setName("token_type_ids");
        return new NDList(inputIds, attention, typeIds);
    }

    @Override
    public Embedded processOutput(TranslatorContext ctx, NDList output) {
        long[] mask = (long[]) ctx.getAttachment("mask");
        float[] tokens = output.get(0).toFloatArray();
        return new Embedded(normalise(meanPool(tokens, mask)), tokens, (long[]) ctx.getAttachment("ids"));
    }

    private float[] meanPool(float[] tokens, long[] mask) {
        double[] sum = new double[dimensions];
        int counted = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            counted++;
            int offset = t * dimensions;
            for (int d = 0; d < dimensions; d++) {
                sum[d] += tokens[offset + d];
            }
        }
        float[] mean = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            mean[d] = (float) (sum[d] / Math.max(counted, 1));
        }
        return mean;
    }

    private static float[] normalise(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        double norm = Math.max(Math.sqrt(squares), 1e-12);
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (vector[d] / norm);
        }
        return vector;
    }

    /** One text per call: batching is done by the embedder, not by DJL's stacking. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
