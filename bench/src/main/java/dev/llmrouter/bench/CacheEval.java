package dev.llmrouter.bench;

import dev.llmrouter.cache.MatchDecision;
import dev.llmrouter.cache.SemanticMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--curve" -> curve = true;
                case "--cache" -> cache = Path.of(args[++i]);
                default -> pairsFile = Path.of(args[i]);
            }
        }
        if (pairsFile == null) {
            System.err.println("usage: cache-eval PAIRS.tsv [--limit N] [--threshold T] [--curve]");
            System.exit(2);
        }
        List<Pair> pairs = Pair.read(pairsFile, limit);
        EmbeddingStore store = new EmbeddingStore(cache);
        store.embedMissing(pairs);

        SemanticMatcher matcher = threshold == null ? new SemanticMatcher() : new SemanticMatcher(threshold);
        Tally tally = new Tally();
        List<double[]> scored = new ArrayList<>();
        SemanticMatcher open = new SemanticMatcher(0.0);
        long nanos = 0;
        for (Pair p : pairs) {
            double cosine = store.cosine(p);
            float[] cached = store.get(p.a());
            float[] incoming = store.get(p.b());
            long start = System.nanoTime();
            MatchDecision decision = matcher.decide(p.a(), p.b(), cached, incoming);
            nanos += System.nanoTime() - start;
            tally.add(p.same(), decision.hit());
            if (curve) {
                MatchDecision unfiltered = open.decide(p.a(), p.b(), cached, incoming);
                scored.add(new double[] {p.same() ? 1 : 0, unfiltered.hit() ? unfiltered.score() : -1, cosine});
            }
        }
        if (curve) {
            printCurve(scored);
        }
        System.out.printf(Locale.ROOT, "threshold=%.3f (embedding path) mean decision time %.1f us (JIT warm-up included)%n",
                matcher.threshold(), nanos / 1e3 / Math.max(1, pairs.size()));
        System.out.println(tally.line());
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
