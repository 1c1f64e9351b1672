package dev.llmrouter.cache;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.DevelopmentPairs;
import dev.llmrouter.bench.Pair;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Bench-only exploration aid: writes every development pair's split part, label, eligibility,
 * scalar features and shipped score (TSV), and both vectors of each store (little-endian float32),
 * for trying model families offline before one is written into the trainer.
 */
public final class DumpFeatures {

    private DumpFeatures() {
    }

    /** 0 none, 1 numbers, 2 dates, 3 units, 4 negation, 5 opposite terms, 6 entity. */
    private static int guardCode(String reason) {
        String[] starts = {"numbers", "dates", "units", "negation", "opposite", "entity"};
        for (int i = 0; i < starts.length; i++) {
            if (reason.startsWith(starts[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        DevelopmentPairs pairs = DevelopmentPairs.read();
        List<Pair> all = pairs.all();
        EmbeddingStore main = new EmbeddingStore(Path.of(args[1]));
        main.embedMissing(all);
        EmbeddingVerifier shipped = EmbeddingVerifier.shipped();
        QuestionGuards guards = new QuestionGuards();
        WordRarity rarity = WordRarity.shipped();
        try (Writer w = Files.newBufferedWriter(out.resolve("meta.tsv"), StandardCharsets.UTF_8)) {
            w.write("part\tpara\tlabel\teligible\tshipped\tguard\t" + String.join("\t", PairFeatures.NAMES) + "\n");
            for (int i = 0; i < all.size(); i++) {
                Pair p = all.get(i);
                boolean isPara = pairs.isParaphrase(i);
                QuestionText a = new QuestionText(p.a());
                QuestionText b = new QuestionText(p.b());
                double cos = main.cosine(p);
                double[] f = PairFeatures.of(a, b, cos, rarity);
                boolean eligible = cos >= SemanticMatcher.MIN_COSINE && guards.refusal(a, b).isEmpty();
                double s = shipped.score(EmbeddingVerifier.input(f, main.get(p.a()), main.get(p.b())));
                StringBuilder line = new StringBuilder();
                line.append(pairs.part(i).ordinal()).append('\t').append(isPara ? 1 : 0).append('\t')
                        .append(p.same() ? 1 : 0).append('\t').append(eligible ? 1 : 0).append('\t')
                        .append(String.format(Locale.ROOT, "%.5f", s)).append('\t')
                        .append(guardCode(guards.refusal(a, b).orElse("")));
                for (double x : f) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.6g", x));
                }
                w.write(line.append('\n').toString());
            }
        }
        for (int k = 1; k < args.length; k++) {
            EmbeddingStore store = k == 1 ? main : new EmbeddingStore(Path.of(args[k]), pool -> {
                throw new IllegalStateException("a store lacks texts");
            });
            String name = Path.of(args[k]).getFileName().toString().replace(".bin", "");
            for (String side : new String[] {"a", "b"}) {
                try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(out.resolve(name + "-" + side + ".f32"))))) {
                    for (Pair p : all) {
                        float[] v = store.get(side.equals("a") ? p.a() : p.b());
                        if (v == null) {
                            throw new IllegalStateException("no vector in " + name + " for " + p);
                        }
                        for (float x : v) {
                            o.writeInt(Integer.reverseBytes(Float.floatToIntBits(x)));
                        }
                    }
                }
            }
        }
    }
}
