package dev.llmrouter.cache;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.EvalData;
import dev.llmrouter.bench.Pair;
import dev.llmrouter.embed.OnnxSentenceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Bench-only: fills a store with another model's vectors for every development pair. */
public final class SecondOpinionEmbed {

    private SecondOpinionEmbed() {
    }

    public static void main(String[] args) throws Exception {
        OnnxSentenceModel.Kind kind = OnnxSentenceModel.Kind.valueOf(args[0]);
        Path store = Path.of(args[1]);
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        List<Pair> all = new ArrayList<>(Pair.read(EvalData.quoraPairs(), limit));
        all.addAll(Pair.read(EvalData.paraphrasePairs(), Integer.MAX_VALUE));
        new EmbeddingStore(store, pool -> new OnnxSentenceModel(kind, pool)).embedMissing(all);
    }
}
