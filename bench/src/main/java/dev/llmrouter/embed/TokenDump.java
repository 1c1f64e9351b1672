package dev.llmrouter.embed;

import dev.llmrouter.bench.EvalData;
import dev.llmrouter.bench.Pair;
import dev.llmrouter.bench.Split;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Bench-only: MiniLM's token states (last hidden layer, each question run alone and unpadded) for every
 * question of the development pairs, computed by the server's own embedder, for training a token-interaction
 * verifier offline. Writes OUT/questions.bin (per question: int32 n, n int32 token ids, n x 384 float32,
 * little-endian) and OUT/pairs.tsv (a, b, label, paraphrase, part, fold of 5).
 */
public final class TokenDump {

    private TokenDump() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Pair> quora = Pair.read(EvalData.quoraPairs(), Integer.MAX_VALUE);
        List<Pair> para = Pair.read(EvalData.paraphrasePairs(), Integer.MAX_VALUE);
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
        long[][] ids = new long[texts.size()][];
        float[][] states = new float[texts.size()][];
        long start = System.nanoTime();
        try (DjlEmbedder embedder = DjlEmbedder.load()) {
            IntStream.range(0, texts.size()).parallel().forEach(k -> {
                Embedded e = embedder.encode(texts.get(k));
                ids[k] = e.tokenIds();
                states[k] = e.tokenStates();
            });
        }
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
}
