package dev.llmrouter.cache;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The verifier's inputs for one pair: similarity plus cheap lexical agreement signals. */
final class PairFeatures {

    static final List<String> NAMES = List.of("cosine", "cosine_sq", "word_jaccard", "content_jaccard",
            "content_containment", "unshared_content", "bigram_jaccard", "length_ratio",
            "question_word_agree", "head_word_agree", "entity_jaccard", "has_entities",
            "cosine_x_content", "unshared_max_side", "unshared_min_side", "same_content",
            "char_trigram_jaccard", "cosine_cubed");

    private PairFeatures() {
    }

    static double[] of(QuestionText a, QuestionText b, double cosine) {
        double contentJaccard = jaccard(a.contentWords, b.contentWords);
        return new double[] {
            cosine,
            cosine * cosine,
            jaccard(a.wordSet, b.wordSet),
            contentJaccard,
            containment(a.contentWords, b.contentWords),
            Math.log1p(symmetricDifference(a.contentWords, b.contentWords)),
            jaccard(bigrams(a.words), bigrams(b.words)),
            lengthRatio(a.words.size(), b.words.size()),
            agree(firstOf(a.words, Lexicon.QUESTION_WORDS), firstOf(b.words, Lexicon.QUESTION_WORDS)),
            agree(headWord(a), headWord(b)),
            a.entities.isEmpty() && b.entities.isEmpty() ? 1.0 : jaccard(a.entities, b.entities),
            a.entities.isEmpty() && b.entities.isEmpty() ? 0.0 : 1.0,
            cosine * contentJaccard,
            Math.max(missing(a.contentWords, b.contentWords), missing(b.contentWords, a.contentWords)),
            Math.min(missing(a.contentWords, b.contentWords), missing(b.contentWords, a.contentWords)),
            a.contentWords.equals(b.contentWords) ? 1.0 : 0.0,
            jaccard(trigrams(a.lower), trigrams(b.lower)),
            cosine * cosine * cosine,
        };
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return shared.size() / (double) (a.size() + b.size() - shared.size());
    }

    private static double containment(Set<String> a, Set<String> b) {
        int smaller = Math.min(a.size(), b.size());
        if (smaller == 0) {
            return a.size() == b.size() ? 1.0 : 0.0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return shared.size() / (double) smaller;
    }

    private static int symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return a.size() + b.size() - 2 * shared.size();
    }

    private static int missing(Set<String> from, Set<String> in) {
        int count = 0;
        for (String w : from) {
            if (!in.contains(w)) {
                count++;
            }
        }
        return count;
    }

    private static Set<String> trigrams(String text) {
        String squeezed = text.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        Set<String> out = new HashSet<>();
        for (int i = 3; i <= squeezed.length(); i++) {
            out.add(squeezed.substring(i - 3, i));
        }
        return out;
    }

    private static Set<String> bigrams(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i < words.size(); i++) {
            out.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return out;
    }

    private static double lengthRatio(int a, int b) {
        return Math.max(a, b) == 0 ? 1.0 : Math.min(a, b) / (double) Math.max(a, b);
    }

    private static String firstOf(List<String> words, Set<String> vocabulary) {
        return words.stream().filter(vocabulary::contains).findFirst().orElse("");
    }

    /** The first content word: for a question usually its main verb or topic ("reset", "learn"). */
    private static String headWord(QuestionText q) {
        return q.contentWords.stream().findFirst().orElse("");
    }

    private static double agree(String a, String b) {
        return a.equals(b) ? 1.0 : 0.0;
    }
}
