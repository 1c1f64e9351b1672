package dev.llmrouter.bench;

import dev.llmrouter.cache.InteractionVerifier;
import dev.llmrouter.cache.MatchDecision;
import dev.llmrouter.cache.SemanticMatcher;
import dev.llmrouter.embed.DjlEmbedder;
import dev.llmrouter.embed.Embedded;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Replays a pairs file through the real embedder and {@link SemanticMatcher}'s embedding path (the
 * one the server calls); the last line is
 * {@code precision=.. recall=.. false_hit_rate=.. hits=.. pairs=..}.
 */
public final class CacheEval {

    private CacheEval() {
    }

    public static void main(String[] args) throws Exception {
        Path pairsFile = null;
        Path cache = null;
        int limit = Integer.MAX_VALUE;
        Double threshold = null;
        boolean curve = false;
        Path scores = null;
        boolean tokens = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--curve" -> curve = true;
                case "--cache" -> cache = Path.of(args[++i]);
                case "--scores" -> scores = Path.of(args[++i]);
                case "--no-interaction" -> tokens = false;
                default -> pairsFile = Path.of(args[i]);
            }
        }
        if (pairsFile == null) {
            System.err.println("usage: cache-eval PAIRS.tsv [--limit N] [--threshold T] [--curve] [--scores FILE] [--no-interaction]");
            System.exit(2);
        }
        List<Pair> pairs = Pair.read(pairsFile, limit);
        EmbeddingStore store = new EmbeddingStore(cache);
        store.embedMissing(pairs);

        // As the server decides: with the incoming question's token states at hand and the cached
        // question's computed on demand (timed with the decision), unless --no-interaction.
        InteractionVerifier interaction = tokens ? InteractionVerifier.shipped() : null;
        DjlEmbedder embedder = tokens ? DjlEmbedder.load(1) : null;
        Map<String, Embedded> states = new HashMap<>();
        Function<String, Embedded> encode = text -> states.computeIfAbsent(text, embedder::encode);
        SemanticMatcher matcher = new SemanticMatcher(threshold, interaction);
        Tally tally = new Tally();
        List<double[]> scored = new ArrayList<>();
        // Scores for curves: every model runs, so a score compares with any threshold.
        SemanticMatcher open = new SemanticMatcher(0.0, interaction == null ? null : interaction.scoringEveryPair());
        long nanos = 0;
        for (Pair p : pairs) {
            double cosine = store.cosine(p);
            float[] cached = store.get(p.a());
            Embedded incoming = tokens ? encode.apply(p.b()) : null;
            long start = System.nanoTime();
            MatchDecision decision = decide(matcher, p, cached, incoming, store, encode);
            nanos += System.nanoTime() - start;
            tally.add(p.same(), decision.hit());
            if (curve || scores != null) {
                MatchDecision unfiltered = decide(open, p, cached, incoming, store, encode);
                scored.add(new double[] {p.same() ? 1 : 0, unfiltered.hit() ? unfiltered.score() : -1, cosine});
            }
        }
        if (interaction != null) {
            interaction.close();
            embedder.close();
        }
        if (curve) {
            printCurve(scored);
        }
        if (scores != null) {
            writeScores(scores, scored);
        }
        System.out.printf(Locale.ROOT, "threshold=%.3f (" + (tokens ? "with token states" : "embedding path") + ") mean decision time %.1f us (JIT warm-up included)%n",
                matcher.threshold(), nanos / 1e3 / Math.max(1, pairs.size()));
        System.out.println(tally.line());
    }

    private static MatchDecision decide(SemanticMatcher matcher, Pair p, float[] cached, Embedded incoming,
                                        EmbeddingStore store, Function<String, Embedded> encode) {
        return incoming == null ? matcher.decide(p.a(), p.b(), cached, store.get(p.b()))
                : matcher.decide(p.a(), p.b(), cached, incoming, () -> encode.apply(p.a()));
    }

    /** One line per pair, in the file's order: label, verifier score (-1 if refused before it), cosine. */
    private static void writeScores(Path file, List<double[]> scored) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("label\tscore\tcosine\n");
            for (double[] s : scored) {
                w.write(String.format(Locale.ROOT, "%d\t%.6f\t%.6f%n", (int) s[0], s[1], s[2]));
            }
        }
    }

    private static void printCurve(List<double[]> scored) {
        System.out.println("verifier curve (threshold: precision recall false_hit_rate hits)");
        for (double t = 0.30; t <= 0.981; t += 0.025) {
            System.out.println(curveLine("verifier", t, scored, 1));
        }
        System.out.println("cosine-only curve, no guards, for comparison");
        for (double t = 0.80; t <= 0.981; t += 0.02) {
            System.out.println(curveLine("cosine", t, scored, 2));
        }
    }

    private static String curveLine(String what, double t, List<double[]> scored, int column) {
        Tally tally = new Tally();
        for (double[] s : scored) {
            tally.add(s[0] == 1, s[column] >= t);
        }
        return String.format(Locale.ROOT, "  %s t=%.3f precision=%.4f recall=%.4f false_hit_rate=%.4f hits=%d",
                what, t, tally.precision(), tally.recall(), tally.falseHitRate(), tally.hits());
    }
}
