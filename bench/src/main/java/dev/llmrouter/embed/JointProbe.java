package dev.llmrouter.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import dev.llmrouter.bench.Pair;
import dev.llmrouter.bench.Split;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bench-only experiment: runs MiniLM once over "[CLS] a [SEP] b [SEP]" and writes, per pair, the
 * mean of segment a's tokens, of segment b's tokens and of all tokens (3 x 384 float32), for pairs
 * whose index % stride == 0, to see whether a frozen joint pass carries signal a probe can use.
 */
public final class JointProbe {

    public static void main(String[] args) throws Exception {
        int stride = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<Pair> all = new ArrayList<>(Pair.read(Path.of("/work/shared/eval/semantic-cache/qqp-pairs.tsv"), Integer.MAX_VALUE));
        all.addAll(Pair.read(Path.of("/work/shared/eval/semantic-cache/paraphrase-pairs.tsv"), Integer.MAX_VALUE));
        ClassLoader loader = JointProbe.class.getClassLoader();
        HuggingFaceTokenizer tokenizer;
        try (InputStream json = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", "256", "addSpecialTokens", "true"));
        }
        Path dir = Files.createTempDirectory("joint");
        Path file = dir.resolve("m.onnx");
        try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ZooModel<Encoding, float[]> model = Criteria.builder().setTypes(Encoding.class, float[].class).optModelPath(file)
                .optEngine("OnnxRuntime").optTranslator(new Segments()).build().loadModel();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % stride == 0) {
                todo.add(i);
            }
        }
        float[][] results = new float[todo.size()][];
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            jobs.add(pool.submit(() -> {
                try (Predictor<Encoding, float[]> p = model.newPredictor()) {
                    for (int k = first; k < todo.size(); k += threads) {
                        Pair pair = all.get(todo.get(k));
                        results[k] = p.predict(tokenizer.encode(pair.a(), pair.b()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        pool.shutdown();
        System.err.printf("joint-encoded %d pairs in %.1f s%n", todo.size(), (System.nanoTime() - start) / 1e9);
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            for (int k = 0; k < todo.size(); k++) {
                o.writeInt(Integer.reverseBytes(todo.get(k)));
                for (float x : results[k]) {
                    o.writeInt(Integer.reverseBytes(Float.floatToIntBits(x)));
                }
            }
        }
    }

    private static final class Segments implements Translator<Encoding, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, Encoding e) {
            NDManager m = ctx.getNDManager();
            ctx.setAttachment("types", e.getTypeIds());
            NDArray ids = m.create(new long[][] {e.getIds()});
            ids.setName("input_ids");
            NDArray mask = m.create(new long[][] {e.getAttentionMask()});
            mask.setName("attention_mask");
            NDArray types = m.create(new long[][] {e.getTypeIds()});
            types.setName("token_type_ids");
            return new NDList(ids, mask, types);
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList output) {
            long[] types = (long[]) ctx.getAttachment("types");
            float[] tok = output.get(0).toFloatArray();
            int d = 384;
            float[] out = new float[3 * d];
            int[] counts = new int[3];
            for (int t = 0; t < types.length; t++) {
                int seg = (int) types[t];
                counts[seg]++;
                counts[2]++;
                for (int i = 0; i < d; i++) {
                    out[seg * d + i] += tok[t * d + i];
                    out[2 * d + i] += tok[t * d + i];
                }
            }
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < d; i++) {
                    out[s * d + i] /= Math.max(1, counts[s]);
                }
            }
            return out;
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
