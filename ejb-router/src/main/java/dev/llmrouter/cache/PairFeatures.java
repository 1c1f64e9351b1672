package dev.llmrouter.cache;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The verifier's inputs for one pair: similarity plus cheap lexical agreement signals. */
final class PairFeatures {

    static final List<String> NAMES = List.of("cosine", "cosine_sq", "word_jaccard", "content_jaccard",
            "content_containment", "unshared_content", "bigram_jaccard", "length_ratio",
            "question_word_agree", "head_word_agree", "entity_jaccard", "has_entities",
            "cosine_x_content", "unshared_max_side", "unshared_min_side", "same_content",
            "char_trigram_jaccard", "cosine_cubed", "order_discordance", "directional_swap",
            "question_count_diff", "unshared_longest", "sorted_char_similarity", "char_similarity",
            "word_order_similarity", "first_word_min", "first_word_max", "first_word_agree", "words_a", "words_b",
            "word_count_diff", "answer_shape_diff", "conjunction_mismatch", "chars_a", "chars_b",
            "rarity_overlap", "rarest_unshared", "unshared_rarity", "rarest_shared");

    private PairFeatures() {
    }

    static double[] of(QuestionText a, QuestionText b, double cosine, WordRarity rarity) {
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
            orderDiscordance(new ArrayList<>(a.contentWords), new ArrayList<>(b.contentWords)),
            directionalSwap(a, b) ? 1.0 : 0.0,
            Math.min(3, Math.abs(count(a.raw, '?') - count(b.raw, '?'))),
            Math.max(longestMissing(a.contentWords, b.contentWords), longestMissing(b.contentWords, a.contentWords)) / 10.0,
            similarity(sortedWords(a), sortedWords(b)),
            similarity(clip(a.lower), clip(b.lower)),
            similarity(a.words, b.words),
            Math.min(firstWordType(a), firstWordType(b)),
            Math.max(firstWordType(a), firstWordType(b)),
            firstWordType(a) == firstWordType(b) ? 1.0 : 0.0,
            a.words.size(),
            b.words.size(),
            Math.abs(a.words.size() - b.words.size()),
            Math.abs(countOf(a.wordSet, Lexicon.ANSWER_SHAPE) - countOf(b.wordSet, Lexicon.ANSWER_SHAPE)),
            conjunction(a) != conjunction(b) ? 1.0 : 0.0,
            a.raw.length(),
            b.raw.length(),
            rarity.overlap(a.contentWords, b.contentWords),
            rarity.rarestUnshared(a.contentWords, b.contentWords) / rarity.unseen(),
            Math.log1p(rarity.unsharedWeight(a.contentWords, b.contentWords)),
            rarity.rarestShared(a.contentWords, b.contentWords) / rarity.unseen(),
        };
    }

    /** Edit distances are quadratic; the opening of a long question says what it asks. */
    private static final int MAX_EDIT_LENGTH = 300;

    /**
     * 1 minus the edit distance over the longer length. On the words sorted it forgives reordering
     * ("convert html to pdf" / "pdf to html convert"), on the raw text it notices small rewrites that
     * word sets miss ("maintain stress" / "maintain stressed"), on the word sequence it sees order.
     */
    static double similarity(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        if (Math.max(n, m) == 0) {
            return 1.0;
        }
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            for (int j = 1; j <= m; j++) {
                int substitute = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - previous[m] / (double) Math.max(n, m);
    }

    private static List<String> clip(String text) {
        String s = text.length() > MAX_EDIT_LENGTH ? text.substring(0, MAX_EDIT_LENGTH) : text;
        List<String> chars = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            chars.add(String.valueOf(s.charAt(i)));
        }
        return chars;
    }

    private static List<String> sortedWords(QuestionText q) {
        List<String> sorted = new ArrayList<>(q.words);
        java.util.Collections.sort(sorted);
        return clip(String.join(" ", sorted));
    }

    /**
     * Which kind of question the first word opens (what, how, why, ...), or the list's length when
     * it opens with none: "How do I ..." and "Why do I ..." about the same topic ask different things.
     */
    private static int firstWordType(QuestionText q) {
        if (q.words.isEmpty()) {
            return Lexicon.OPENING_WORDS.size();
        }
        int at = Lexicon.OPENING_WORDS.indexOf(q.words.get(0));
        return at < 0 ? Lexicon.OPENING_WORDS.size() : at;
    }

    private static int countOf(Set<String> words, Set<String> vocabulary) {
        int n = 0;
        for (String w : words) {
            if (vocabulary.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /** A question that joins two asks ("advantages and disadvantages", "X or Y") against one that does not. */
    private static boolean conjunction(QuestionText q) {
        return q.wordSet.contains("and") || q.wordSet.contains("or");
    }

    /**
     * Share of shared-word pairs whose order flips between the questions (Kendall distance).
     * Embeddings and word sets are blind to order, yet "Why do Asians like westerners?" and "Why
     * do westerners like Asians?" ask different things.
     */
    private static double orderDiscordance(List<String> a, List<String> b) {
        List<Integer> positions = new ArrayList<>();
        for (String w : a) {
            int at = b.indexOf(w);
            if (at >= 0) {
                positions.add(at);
            }
        }
        int pairs = 0;
        int flipped = 0;
        for (int i = 0; i < positions.size(); i++) {
            for (int j = i + 1; j < positions.size(); j++) {
                pairs++;
                if (positions.get(i) > positions.get(j)) {
                    flipped++;
                }
            }
        }
        return pairs == 0 ? 0.0 : flipped / (double) pairs;
    }

    /** Both questions put the same two words around a relation word, but on opposite sides. */
    private static boolean directionalSwap(QuestionText a, QuestionText b) {
        for (String relation : Lexicon.DIRECTIONAL) {
            String[] sidesA = sides(a.words, relation);
            String[] sidesB = sides(b.words, relation);
            if (sidesA != null && sidesB != null && !sidesA[0].equals(sidesA[1])
                    && sidesA[0].equals(sidesB[1]) && sidesA[1].equals(sidesB[0])) {
                return true;
            }
        }
        return false;
    }

    /** The nearest content words before and after the first use of the relation word. */
    private static String[] sides(List<String> words, String relation) {
        int at = words.indexOf(relation);
        if (at < 0) {
            return null;
        }
        String before = null;
        for (int i = at - 1; i >= 0 && before == null; i--) {
            before = content(words.get(i));
        }
        String after = null;
        for (int i = at + 1; i < words.size() && after == null; i++) {
            after = content(words.get(i));
        }
        return before == null || after == null ? null : new String[] {before, after};
    }

    private static String content(String word) {
        return Lexicon.STOPWORDS.contains(word) || Lexicon.NEGATIONS.contains(word) ? null : QuestionText.stem(word);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Length of the longest word only one side has: long words carry topics, short ones rarely. */
    private static int longestMissing(Set<String> from, Set<String> in) {
        int longest = 0;
        for (String w : from) {
            if (!in.contains(w)) {
                longest = Math.max(longest, w.length());
            }
        }
        return longest;
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
