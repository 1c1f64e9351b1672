package dev.llmrouter.cache;

import dev.llmrouter.bench.DevelopmentPairs;
import dev.llmrouter.bench.Pair;
import dev.llmrouter.bench.Split;
import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedded;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Bench-only: the shipped token-interaction network's and cross-encoder's probabilities for every
 * held-out pair, computed by the server's own classes (embedder, {@link InteractionVerifier},
 * {@link CrossEncoder}), one line per pair in the order bench/train-verifier reads (Quora file, then
 * paraphrase file), NaN for development pairs. {@code bench/train-verifier --folds 5 --interaction
 * OUT/network-held-out.tsv --cross-encoder OUT/cross-encoder-held-out.tsv} chooses the final blend on
 * them. With {@code --compare FILE} (train_cross_encoder.py's cross-encoder-alone.tsv) it prints how
 * far the shipped int8 graph, run by ONNX Runtime, is from the PyTorch model it was exported from.
 */
public final class PairScores {

    private PairScores() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path compare = args.length > 2 && args[1].equals("--compare") ? Path.of(args[2]) : null;
        DevelopmentPairs pairs = DevelopmentPairs.read();
        List<Pair> all = pairs.all();
        int n = all.size();
        double[] network = new double[n];
        double[] crossEncoder = new double[n];
        Arrays.fill(network, Double.NaN);
        Arrays.fill(crossEncoder, Double.NaN);
        long start = System.nanoTime();
        try (DjlEmbedder embedder = DjlEmbedder.load();
             InteractionVerifier interaction = InteractionVerifier.shipped();
             CrossEncoder cross = CrossEncoder.shipped()) {
            Map<String, Embedded> states = new ConcurrentHashMap<>();
            IntStream.range(0, n).parallel().forEach(k -> {
                if (pairs.part(k) != Split.Part.HELD_OUT) {
                    return;
                }
                Pair p = all.get(k);
                Embedded a = states.computeIfAbsent(p.a(), embedder::encode);
                Embedded b = states.computeIfAbsent(p.b(), embedder::encode);
                network[k] = interaction.probability(a, b);
                crossEncoder[k] = cross.probability(a, b);
            });
        }
        long scored = Arrays.stream(network).filter(s -> !Double.isNaN(s)).count();
        System.err.printf(Locale.ROOT, "scored %d held-out pairs of %d in %.1f s%n", scored, n,
                (System.nanoTime() - start) / 1e9);
        Files.createDirectories(out);
        write(out.resolve("network-held-out.tsv"), network);
        write(out.resolve("cross-encoder-held-out.tsv"), crossEncoder);
        if (compare != null) {
            compare(crossEncoder, compare);
        }
    }

    private static void write(Path file, double[] scores) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (double s : scores) {
                w.write(Double.isNaN(s) ? "NaN\n" : String.format(Locale.ROOT, "%.6f%n", s));
            }
        }
        System.out.println("wrote " + file);
    }

    private static void compare(double[] java, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() != java.length) {
            throw new IllegalArgumentException(file + " holds " + lines.size() + " lines for " + java.length + " pairs");
        }
        double largest = 0;
        double sum = 0;
        int compared = 0;
        int disagree = 0;
        for (int k = 0; k < java.length; k++) {
            double other = Double.parseDouble(lines.get(k).trim());
            if (Double.isNaN(java[k]) || Double.isNaN(other)) {
                continue;
            }
            double d = Math.abs(java[k] - other);
            largest = Math.max(largest, d);
            sum += d;
            compared++;
            if ((java[k] >= 0.5) != (other >= 0.5)) {
                disagree++;
            }
        }
        System.out.printf(Locale.ROOT, "against %s: %d pairs, mean |difference| %.6f, largest %.6f,"
                + " opposite sides of 0.5: %d%n", file, compared, sum / Math.max(compared, 1), largest, disagree);
    }
}
