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
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bench-only: MiniLM's token states (last hidden layer, each question run alone and unpadded, as
 * the server embeds) for every question of the development pairs, for training a token-interaction
 * verifier offline. Writes OUT/questions.bin (per question: int32 n, n int32 token ids, n x 384
 * float32, little-endian) and OUT/pairs.tsv (a, b, label, paraphrase, part, fold of 5).
 */
public final class TokenDump {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Pair> quora = Pair.read(Path.of("/work/shared/eval/semantic-cache/qqp-pairs.tsv"), Integer.MAX_VALUE);
        List<Pair> para = Pair.read(Path.of("/work/shared/eval/semantic-cache/paraphrase-pairs.tsv"), Integer.MAX_VALUE);
        Split qs = new Split(quora);
        Split ps = new Split(para);
        Map<String, Integer> index = new LinkedHashMap<>();
        try (Writer w = Files.newBufferedWriter(out.resolve("pairs.tsv"), StandardCharsets.UTF_8)) {
            for (int k = 0; k < quora.size() + para.size(); k++) {
                boolean isPara = k >= quora.size();
                Pair p = isPara ? para.get(k - quora.size()) : quora.get(k);
                Split s = isPara ? ps : qs;
                int a = index.computeIfAbsent(p.a(), t -> index.size());
                int b = index.computeIfAbsent(p.b(), t -> index.size());
                w.write(a + "\t" + b + "\t" + (p.same() ? 1 : 0) + "\t" + (isPara ? 1 : 0) + "\t"
                        + s.of(p).ordinal() + "\t" + s.fold(p, 5) + "\n");
            }
        }
        List<String> texts = new ArrayList<>(index.keySet());
        ClassLoader loader = TokenDump.class.getClassLoader();
        HuggingFaceTokenizer tokenizer;
        try (InputStream json = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "true",
                    "maxLength", Integer.toString(DjlEmbedder.MAX_TOKENS), "addSpecialTokens", "true"));
        }
        Path dir = Files.createTempDirectory("tokens");
        Path file = dir.resolve("m.onnx");
        try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            Files.copy(onnx, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ZooModel<Encoding, float[]> model = Criteria.builder().setTypes(Encoding.class, float[].class)
                .optModelPath(file).optEngine("OnnxRuntime").optTranslator(new States()).build().loadModel();
        long[][] ids = new long[texts.size()][];
        float[][] states = new float[texts.size()][];
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            jobs.add(pool.submit(() -> {
                try (Predictor<Encoding, float[]> p = model.newPredictor()) {
                    for (int k = first; k < texts.size(); k += threads) {
                        Encoding e = tokenizer.encode(texts.get(k));
                        ids[k] = e.getIds();
                        states[k] = p.predict(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> j : jobs) {
            j.get();
        }
        pool.shutdown();
        System.err.printf("token states of %d questions in %.1f s%n", texts.size(), (System.nanoTime() - start) / 1e9);
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(out.resolve("questions.bin")), 1 << 20))) {
            for (int k = 0; k < texts.size(); k++) {
                o.writeInt(Integer.reverseBytes(ids[k].length));
                for (long id : ids[k]) {
                    o.writeInt(Integer.reverseBytes((int) id));
                }
                for (float x : states[k]) {
                    o.writeInt(Integer.reverseBytes(Float.floatToIntBits(x)));
                }
            }
        }
    }

    private static final class States implements Translator<Encoding, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, Encoding e) {
            NDManager m = ctx.getNDManager();
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
            return output.get(0).toFloatArray();
        }

        @Override
        public Batchifier getBatchifier() {
            return null;
        }
    }
}
