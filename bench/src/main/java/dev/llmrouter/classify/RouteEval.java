package dev.llmrouter.classify;

import dev.llmrouter.route.policy.CandidateInput;
import dev.llmrouter.route.policy.LatencyPrediction;
import dev.llmrouter.route.policy.Ranking;
import dev.llmrouter.route.policy.ServiceLevel;
import dev.llmrouter.route.policy.UtilityRanking;
import dev.llmrouter.route.policy.UtilityWeights;
import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.EvalData;
import dev.llmrouter.bench.RoutePrompt;
import dev.llmrouter.bench.StoreEmbedder;
import dev.llmrouter.bench.TransactionalDataSource;
import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import dev.llmrouter.chat.Tier;
import dev.llmrouter.persistence.internal.JdbcRoutingExamples;
import dev.llmrouter.stats.LabelledOutcome;
import dev.llmrouter.stats.Outcomes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Routing quality on a weak/strong correctness file. HISTORY is imported as labelled outcomes through
 * {@link Outcomes} (the path feedback takes) into a database of its own: the weak model as a local
 * backend, the strong one as a cloud backend. Each TEST prompt is then profiled and its quality
 * predicted per backend by the server's classes, and routed by the server's {@link UtilityRanking} while the cost
 * weight sweeps from "always cloud" to "always local". Prints the quality / strong-share curve, one
 * line per dataset, and last {@code strong_share_at_95=.. apgr=.. n=..} over the whole TEST file.
 */
public final class RouteEval {

    static final String LOCAL = "bench-local";
    static final String CLOUD = "bench-cloud";
    private static final int SWEEP_POINTS = 400;

    private RouteEval() {
    }

    /** One routed test prompt: what each backend was predicted and did. */
    private record Routed(String dataset, double localQuality, double cloudQuality, boolean weakCorrect,
                          boolean strongCorrect) {
    }

    /** One point of the sweep. */
    private record Point(double share, double quality) {
    }

    public static void main(String[] args) throws Exception {
        Path cache = null;
        Path target = Path.of("target");
        Path prior = null;
        String db = "llmrouter_bench";
        boolean split = false;
        int seed = 0;
        QualityBlend blend = QualityBlend.DEFAULT;
        int neighbours = 120;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--target" -> target = Path.of(args[++i]);
                case "--prior" -> prior = Path.of(args[++i]);
                case "--db" -> db = args[++i];
                case "--split" -> split = true;
                case "--seed" -> seed = Integer.parseInt(args[++i]);
                case "--neighbours" -> neighbours = Integer.parseInt(args[++i]);
                case "--prior-weight" -> blend = new QualityBlend(Double.parseDouble(args[++i]), blend.similarityPower(),
                        blend.perBackend(), blend.minSimilarity(), blend.minHistoryWeight(), blend.tierDiscount(),
                        blend.learned());
                case "--power" -> blend = new QualityBlend(blend.priorWeight(), Double.parseDouble(args[++i]),
                        blend.perBackend(), blend.minSimilarity(), blend.minHistoryWeight(), blend.tierDiscount(),
                        blend.learned());
                case "--per-backend" -> blend = new QualityBlend(blend.priorWeight(), blend.similarityPower(),
                        Integer.parseInt(args[++i]), blend.minSimilarity(), blend.minHistoryWeight(), blend.tierDiscount(),
                        blend.learned());
                case "--formula-blend" -> blend = new QualityBlend(blend.priorWeight(), blend.similarityPower(),
                        blend.perBackend(), blend.minSimilarity(), blend.minHistoryWeight(), blend.tierDiscount(), false);
                default -> files.add(Path.of(args[i]));
            }
        }
        if (split) {
            split(files.isEmpty() ? EvalData.weakStrongCorrectness() : files.get(0), target, seed);
            return;
        }
        if (files.size() != 2) {
            throw new IllegalArgumentException("usage: route-eval HISTORY.tsv TEST.tsv | route-eval --split [FILE]");
        }
        List<RoutePrompt> history = RoutePrompt.read(files.get(0));
        List<RoutePrompt> test = RoutePrompt.read(files.get(1));
        EmbeddingStore store = new EmbeddingStore(cache);
        Set<String> texts = new LinkedHashSet<>();
        history.forEach(r -> texts.add(r.prompt()));
        test.forEach(r -> texts.add(r.prompt()));
        store.embedMissingTexts(texts);

        QualityPrior model = prior == null ? QualityPrior.shipped() : QualityPrior.from(properties(prior));
        StoreEmbedder embedder = new StoreEmbedder(store);
        DefaultPromptClassifier classifier = new DefaultPromptClassifier(embedder, model);
        PGSimpleDataSource dataSource = dataSource(db);
        Flyway.configure(RouteEval.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load().migrate();

        importHistory(history, new Outcomes(new JdbcRoutingExamples(dataSource), embedder, classifier), dataSource);
        HistoricalQualityPredictor predictor = new HistoricalQualityPredictor(
                new JdbcRoutingExamples(new TransactionalDataSource(dataSource)), model, neighbours, blend);
        long t0 = System.nanoTime();
        List<Routed> routed = new ArrayList<>();
        for (RoutePrompt r : test) {
            PromptProfile profile = classifier.profile(
                    ChatRequest.builder().message(ChatMessage.user(r.prompt())).build(), null);
            routed.add(new Routed(r.dataset(), predictor.predict(profile, LOCAL, Tier.LOCAL).quality(),
                    predictor.predict(profile, CLOUD, Tier.CLOUD).quality(), r.weakCorrect(), r.strongCorrect()));
        }
        System.out.printf(Locale.ROOT, "predicted %d test prompts in %.1f s (profile + nearest history + blend)%n",
                routed.size(), (System.nanoTime() - t0) / 1e9);
        report(routed);
    }

    private static void importHistory(List<RoutePrompt> history, Outcomes outcomes, PGSimpleDataSource dataSource)
            throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("truncate routing_examples");
        }
        List<LabelledOutcome> batch = new ArrayList<>();
        int stored = 0;
        for (RoutePrompt r : history) {
            batch.add(LabelledOutcome.imported(LOCAL, Tier.LOCAL, r.prompt(), null, r.weakCorrect() ? 1 : 0));
            batch.add(LabelledOutcome.imported(CLOUD, Tier.CLOUD, r.prompt(), null, r.strongCorrect() ? 1 : 0));
            if (batch.size() >= 2_000) {
                stored += outcomes.importAll(batch);
                batch.clear();
            }
        }
        stored += outcomes.importAll(batch);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze routing_examples");
        }
        System.out.printf(Locale.ROOT, "history: %d prompts, %d labelled outcomes imported in %.1f s%n",
                history.size(), stored, (System.nanoTime() - t0) / 1e9);
    }

    private static void report(List<Routed> routed) {
        Map<String, List<Routed>> byDataset = new LinkedHashMap<>();
        for (Routed r : routed) {
            byDataset.computeIfAbsent(r.dataset(), d -> new ArrayList<>()).add(r);
        }
        List<Point> all = sweep(routed);
        double qw = all.get(0).quality();
        double qs = all.get(all.size() - 1).quality();
        System.out.println("curve over the whole file (strong share -> quality, PGR):");
        for (int i = 0; i <= 10; i++) {
            double share = i / 10.0;
            double q = qualityAt(all, share);
            System.out.printf(Locale.ROOT, "  %.1f  %.4f  %.3f%n", share, q, (q - qw) / (qs - qw));
        }
        for (Map.Entry<String, List<Routed>> e : byDataset.entrySet()) {
            List<Point> curve = sweep(e.getValue());
            System.out.printf(Locale.ROOT, "dataset=%s n=%d q_weak=%.4f q_strong=%.4f strong_share_at_95=%.3f apgr=%.3f%n",
                    e.getKey(), e.getValue().size(), curve.get(0).quality(), curve.get(curve.size() - 1).quality(),
                    shareAt95(curve), apgr(curve));
        }
        System.out.printf(Locale.ROOT, "strong_share_at_95=%.3f apgr=%.3f n=%d%n", shareAt95(all), apgr(all),
                routed.size());
    }

    /**
     * Routes every prompt once per cost weight. The weights are the quantiles of the prompts' own
     * break-even weights (where both backends' utilities tie), plus one beyond each end, so the sweep
     * runs from all-cloud to all-local in steps of at most 1/{@value #SWEEP_POINTS} of the prompts.
     */
    /**
     * The server's own ranking ({@link UtilityRanking}) between the local and the cloud backend, a cloud call
     * costing one USD. The all-cloud end of the sweep needs the trade-off reversed: a negative weight is the
     * same decision as that weight on a local call costing one USD.
     */
    static boolean routesToCloud(Routed r, double weight) {
        long oneUsd = 1_000_000;
        LatencyPrediction instant = new LatencyPrediction(0, 0, 0, 0);
        List<CandidateInput> candidates = List.of(
                new CandidateInput(LOCAL, Tier.LOCAL, false, r.localQuality(), "bench", weight < 0 ? oneUsd : 0,
                        instant, null),
                new CandidateInput(CLOUD, Tier.CLOUD, false, r.cloudQuality(), "bench", weight < 0 ? 0 : oneUsd,
                        instant, null));
        Ranking ranking = UtilityRanking.rank(candidates, NO_BOUNDS, new UtilityWeights(Math.abs(weight), 0), Map.of(),
                null, false);
        return ranking.eligible().get(0).tier() == Tier.CLOUD;
    }

    private static final ServiceLevel NO_BOUNDS = new ServiceLevel(null, null, null, null, null, 0);

    private static List<Point> sweep(List<Routed> routed) {
        double[] breakEven = routed.stream().mapToDouble(r -> r.cloudQuality() - r.localQuality()).sorted().toArray();
        List<Double> weights = new ArrayList<>();
        weights.add(breakEven[breakEven.length - 1] + 1);
        for (int i = SWEEP_POINTS; i >= 0; i--) {
            weights.add(breakEven[(int) Math.round((breakEven.length - 1) * (double) i / SWEEP_POINTS)]);
        }
        weights.add(breakEven[0] - 1);
        List<Point> points = new ArrayList<>();
        for (double weight : weights) {
            int strong = 0;
            int correct = 0;
            for (Routed r : routed) {
                boolean cloud = routesToCloud(r, weight);
                strong += cloud ? 1 : 0;
                correct += (cloud ? r.strongCorrect() : r.weakCorrect()) ? 1 : 0;
            }
            points.add(new Point(strong / (double) routed.size(), correct / (double) routed.size()));
        }
        return points;
    }

    /** The smallest strong share whose quality reaches 95% of the all-strong quality. */
    private static double shareAt95(List<Point> curve) {
        double target = 0.95 * curve.get(curve.size() - 1).quality();
        return curve.stream().filter(p -> p.quality() >= target - 1e-12).mapToDouble(Point::share).min().orElse(1);
    }

    /** Mean performance gap recovered over strong shares 0..1, the curve interpolated linearly. */
    private static double apgr(List<Point> curve) {
        double qw = curve.get(0).quality();
        double qs = curve.get(curve.size() - 1).quality();
        int steps = 1_000;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            sum += (qualityAt(curve, i / (double) steps) - qw) / (qs - qw);
        }
        return sum / (steps + 1);
    }

    private static double qualityAt(List<Point> curve, double share) {
        Point below = curve.get(0);
        for (Point p : curve) {
            if (p.share() >= share) {
                if (p.share() == below.share()) {
                    return p.quality();
                }
                double t = (share - below.share()) / (p.share() - below.share());
                return below.quality() + t * (p.quality() - below.quality());
            }
            below = p;
        }
        return below.quality();
    }

    private static void split(Path source, Path target, int seed) throws Exception {
        List<RoutePrompt> rows = RoutePrompt.read(source);
        List<RoutePrompt> history = rows.stream().filter(r -> r.bucket(seed) < 70).toList();
        List<RoutePrompt> test = rows.stream().filter(r -> r.bucket(seed) >= 70).toList();
        String suffix = seed == 0 ? "" : "-" + seed;
        RoutePrompt.write(target.resolve("route-history" + suffix + ".tsv"), history);
        RoutePrompt.write(target.resolve("route-test" + suffix + ".tsv"), test);
        System.out.printf(Locale.ROOT, "%s: %d history prompts -> %s, %d test prompts -> %s (split by a hash of the"
                + " prompt)%n", source, history.size(), target.resolve("route-history" + suffix + ".tsv"), test.size(),
                target.resolve("route-test" + suffix + ".tsv"));
    }

    private static Properties properties(Path file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static PGSimpleDataSource dataSource(String db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("DB_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("DB_PORT", "5432"))});
        ds.setDatabaseName(db);
        ds.setUser(env("DB_USER", "llmrouter"));
        ds.setPassword(env("DB_PASSWORD", ""));
        return ds;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
