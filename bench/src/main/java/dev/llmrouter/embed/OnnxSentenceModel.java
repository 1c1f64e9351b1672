package dev.llmrouter.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bench-only: another sentence-embedding model from a langchain4j model jar (bge-small-en-v1.5 with
 * CLS pooling, e5-small-v2 with mean pooling and its "query: " prefix), to measure whether a second
 * opinion helps the cache decision before anything of it goes into the server.
 */
public final class OnnxSentenceModel implements Embedder, AutoCloseable {

    public enum Kind {
        BGE("bge-small-en-v1.5-q", true, ""),
        E5("e5-small-v2-q", false, "query: ");

        final String resource;
        final boolean cls;
        final String prefix;

        Kind(String resource, boolean cls, String prefix) {
            this.resource = resource;
            this.cls = cls;
            this.prefix = prefix;
        }
    }

    private final Kind kind;
    private final HuggingFaceTokenizer tokenizer;
    private final PredictorPool<Encoding, float[]> predictors;

    public OnnxSentenceModel(Kind kind, int pool) throws Exception {
        this.kind = kind;
        ClassLoader loader = OnnxSentenceModel.class.getClassLoader();
        try (InputStream json = loader.getResourceAsStream(kind.resource + "-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", "256", "addSpecialTokens", "true"));
        }
        try (InputStream onnx = loader.getResourceAsStream(kind.resource + ".onnx")) {
            predictors = PredictorPool.loadOnnx(kind.resource, onnx, Encoding.class, float[].class,
                    new Pooling(kind.cls), pool);
        }
    }

    @Override
    public int dimensions() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        return predictors.predict(tokenizer.encode(kind.prefix + (text == null ? "" : text)));
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    @Override
    public void close() {
        predictors.close();
        tokenizer.close();
    }

    private static final class Pooling implements Translator<Encoding, float[]> {
        private final boolean cls;

        Pooling(boolean cls) {
            this.cls = cls;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Encoding encoding) {
            NDManager manager = ctx.getNDManager();
            long[] mask = encoding.getAttentionMask();
            ctx.setAttachment("mask", mask);
            NDArray ids = manager.create(new long[][] {encoding.getIds()});
            ids.setName("input_ids");
            NDArray attention = manager.create(new long[][] {mask});
            attention.setName("attention_mask");
            NDArray types = manager.create(new long[][] {encoding.getTypeIds()});
            types.setName("token_type_ids");
            return new NDList(ids, attention, types);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList output) {
            long[] mask = (long[]) ctx.getAttachment("mask");
            float[] tokens = output.get(0).toFloatArray();
            int d = 384;
            double[] sum = new double[d];
            int counted = 0;
            for (int t = 0; t < mask.length; t++) {
                if (mask[t] == 0 || (cls && t > 0)) {
                    continue;
                }
                counted++;
                for (int i = 0; i < d; i++) {
                    sum[i] += tokens[t * d + i];
                }
            }
            double norm = 0;
            for (int i = 0; i < d; i++) {
                sum[i] /= Math.max(1, counted);
                norm += sum[i] * sum[i];
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            float[] out = new float[d];
            for (int i = 0; i < d; i++) {
                out[i] = (float) (sum[i] / norm);
            }
            return out;
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
