package dev.llmrouter.classify;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.EvalData;
import dev.llmrouter.bench.RoutePrompt;
import dev.llmrouter.embed.DjlEmbedder;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a routing eval file as matrices for offline analysis (method choice on held-out splits):
 * {@code PREFIX.meta.tsv} (dataset, weak, strong, split buckets of seeds 0..9, then the
 * {@link PromptFeatures}) and {@code PREFIX.emb.f32} (the embeddings, little-endian float32, row-major).
 * Usage: RouteDump --cache FILE [DATA] [--out PREFIX]
 */
public final class RouteDump {

    private RouteDump() {
    }

    public static void main(String[] args) throws Exception {
        Path data = EvalData.weakStrongCorrectness();
        Path cache = null;
        String out = "target/route-dump";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--out" -> out = args[++i];
                default -> data = Path.of(args[i]);
            }
        }
        List<RoutePrompt> rows = RoutePrompt.read(data);
        EmbeddingStore store = new EmbeddingStore(cache);
        store.embedMissingTexts(rows.stream().map(RoutePrompt::prompt).toList());
        try (Writer meta = Files.newBufferedWriter(Path.of(out + ".meta.tsv"), StandardCharsets.UTF_8);
             DataOutputStream emb = new DataOutputStream(new BufferedOutputStream(
                     Files.newOutputStream(Path.of(out + ".emb.f32"))))) {
            StringBuilder header = new StringBuilder("dataset\tweak\tstrong");
            for (int s = 0; s < 10; s++) {
                header.append("\tbucket").append(s);
            }
            for (String name : PromptFeatures.NAMES) {
                header.append('\t').append(name);
            }
            meta.write(header + "\n");
            ByteBuffer buf = ByteBuffer.allocate(4 * DjlEmbedder.DIMENSIONS).order(ByteOrder.LITTLE_ENDIAN);
            for (RoutePrompt r : rows) {
                StringBuilder line = new StringBuilder(r.dataset()).append('\t').append(r.weakCorrect() ? 1 : 0)
                        .append('\t').append(r.strongCorrect() ? 1 : 0);
                for (int s = 0; s < 10; s++) {
                    line.append('\t').append(r.bucket(s));
                }
                for (double f : PromptFeatures.of(r.prompt())) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.6g", f));
                }
                meta.write(line + "\n");
                buf.clear();
                for (float v : store.get(r.prompt())) {
                    buf.putFloat(v);
                }
                emb.write(buf.array());
            }
        }
        System.err.println("wrote " + out + ".meta.tsv and " + out + ".emb.f32 (" + rows.size() + " prompts)");
    }
}
