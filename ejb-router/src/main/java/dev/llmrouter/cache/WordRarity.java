package dev.llmrouter.cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How rare each content word (stemmed, as {@link QuestionText} keeps them) is among questions: the
 * smoothed inverse document frequency {@code ln((n + 1) / (df + 1)) + 1}. Two questions that differ
 * only in a common word ("best" / "good") usually ask the same; two that differ in a rare one
 * ("delhi" / "mumbai", lower-cased where the entity guard cannot see it) do not. Counted by
 * {@code bench/train-verifier} over the questions the verifiers were fitted on and shipped as
 * {@value #RESOURCE}; a word not in the table is as rare as a word seen once.
 */
final class WordRarity {

    static final String RESOURCE = "word-rarity.tsv";

    private final Map<String, Double> idf;
    private final double unseen;

    WordRarity(Map<String, Double> idf, double unseen) {
        this.idf = Map.copyOf(idf);
        this.unseen = unseen;
    }

    /**
     * Counts document frequencies over the questions' content words and keeps the words met in at
     * least {@code minQuestions} of them.
     */
    static WordRarity count(Collection<QuestionText> questions, int minQuestions) {
        Map<String, Integer> df = new HashMap<>();
        for (QuestionText q : questions) {
            for (String w : q.contentWords) {
                df.merge(w, 1, Integer::sum);
            }
        }
        int n = questions.size();
        Map<String, Double> idf = new HashMap<>();
        df.forEach((w, count) -> {
            if (count >= minQuestions) {
                idf.put(w, weight(n, count));
            }
        });
        return new WordRarity(idf, weight(n, 1));
    }

    private static double weight(int questions, int df) {
        return Math.log((questions + 1.0) / (df + 1.0)) + 1.0;
    }

    static WordRarity shipped() {
        Map<String, Double> idf = new HashMap<>();
        double unseen = Double.NaN;
        for (String line : ShippedParameters.lines(RESOURCE)) {
            int tab = line.indexOf('\t');
            String key = line.substring(0, tab);
            double value = Double.parseDouble(line.substring(tab + 1));
            if (key.equals("*unseen*")) {
                unseen = value;
            } else {
                idf.put(key, value);
            }
        }
        if (Double.isNaN(unseen)) {
            throw new IllegalStateException(RESOURCE + " has no *unseen* line: retrain with bench/train-verifier");
        }
        return new WordRarity(idf, unseen);
    }

    double of(String word) {
        return idf.getOrDefault(word, unseen);
    }

    double unseen() {
        return unseen;
    }

    Map<String, Double> table() {
        return idf;
    }

    /** The rarity-weighted share of the two word sets' union that both hold (1 when both are empty). */
    double overlap(Set<String> a, Set<String> b) {
        double shared = 0;
        double all = 0;
        for (String w : a) {
            all += of(w);
            if (b.contains(w)) {
                shared += of(w);
            }
        }
        for (String w : b) {
            if (!a.contains(w)) {
                all += of(w);
            }
        }
        return all == 0 ? 1.0 : shared / all;
    }

    /** The rarest word one set holds and the other does not, 0 when neither has such a word. */
    double rarestUnshared(Set<String> a, Set<String> b) {
        return Math.max(rarestMissing(a, b), rarestMissing(b, a));
    }

    private double rarestMissing(Set<String> from, Set<String> in) {
        double max = 0;
        for (String w : from) {
            if (!in.contains(w)) {
                max = Math.max(max, of(w));
            }
        }
        return max;
    }

    /** The summed rarity of the words only one of the sets holds. */
    double unsharedWeight(Set<String> a, Set<String> b) {
        double sum = 0;
        for (String w : a) {
            sum += b.contains(w) ? 0 : of(w);
        }
        for (String w : b) {
            sum += a.contains(w) ? 0 : of(w);
        }
        return sum;
    }

    /** The rarest word both sets hold, 0 when they share none: how specific what they agree on is. */
    double rarestShared(Set<String> a, Set<String> b) {
        double max = 0;
        for (String w : a) {
            if (b.contains(w)) {
                max = Math.max(max, of(w));
            }
        }
        return max;
    }
}
