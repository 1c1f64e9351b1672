package dev.llmrouter.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every evaluation pair in the order the trainers number them (the Quora file, then the paraphrase
 * file), each file split by question group ({@link Split}) on its own.
 */
public record DevelopmentPairs(List<Pair> quora, List<Pair> paraphrase, Split quoraSplit, Split paraphraseSplit) {

    /** Both files from {@link EvalData}, whole. */
    public static DevelopmentPairs read() throws IOException {
        List<Pair> quora = Pair.read(EvalData.quoraPairs(), Integer.MAX_VALUE);
        List<Pair> paraphrase = Pair.read(EvalData.paraphrasePairs(), Integer.MAX_VALUE);
        return new DevelopmentPairs(quora, paraphrase, new Split(quora), new Split(paraphrase));
    }

    /** Quora pairs first, then paraphrase pairs. */
    public List<Pair> all() {
        List<Pair> all = new ArrayList<>(quora);
        all.addAll(paraphrase);
        return all;
    }

    /** Whether pair {@code k} of {@link #all()} is a paraphrase pair. */
    public boolean isParaphrase(int k) {
        return k >= quora.size();
    }

    /** The part pair {@code k} of {@link #all()} falls in. */
    public Split.Part part(int k) {
        return isParaphrase(k) ? paraphraseSplit.of(paraphrase.get(k - quora.size())) : quoraSplit.of(quora.get(k));
    }
}
