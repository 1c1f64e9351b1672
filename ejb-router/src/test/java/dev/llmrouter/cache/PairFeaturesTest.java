package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairFeaturesTest {

    private static final WordRarity RARITY = WordRarity.shipped();

    @Test
    void swappedSidesOfARelationAreSeen() {
        double[] swapped = features("How can I convert dollars to rupees?", "How can I convert rupees to dollars?");
        assertEquals(1.0, value(swapped, "directional_swap"));
        assertEquals(1.0 / 3, value(swapped, "order_discordance"), 1e-9);
        double[] same = features("How can I convert dollars to rupees?", "How do I convert dollars to rupees?");
        assertEquals(0.0, value(same, "directional_swap"));
        assertEquals(0.0, value(same, "order_discordance"));
    }

    @Test
    void extraQuestionsAndLongUnsharedWordsAreCounted() {
        double[] f = features("How do I sell my kidney?", "How do I sell my kidney? Is it legal?");
        assertEquals(1.0, value(f, "question_count_diff"));
        assertEquals(0.5, value(f, "unshared_longest"), 1e-9);
    }

    @Test
    void editSimilaritiesForgiveReorderingOnlyWhenSorted() {
        double[] f = features("How do I convert HTML to PDF?", "PDF to HTML: how do I convert?");
        assertEquals(1.0, value(f, "sorted_char_similarity"), 1e-9);
        assertTrue(value(f, "word_order_similarity") < 0.5);
        assertEquals(1.0, PairFeatures.similarity(java.util.List.of("a", "b"), java.util.List.of("a", "b")));
        assertEquals(0.5, PairFeatures.similarity(java.util.List.of("a", "b"), java.util.List.of("a", "c")));
    }

    @Test
    void questionKindAndAnswerShapeAreCompared() {
        double[] f = features("How do I stay motivated?", "What are the best ways to stay motivated?");
        assertEquals(0.0, value(f, "first_word_agree"));
        assertEquals(2.0, value(f, "answer_shape_diff"));
        double[] g = features("What are the advantages of WhatsApp?", "What are the advantages and disadvantages of WhatsApp?");
        assertEquals(1.0, value(g, "first_word_agree"));
        assertEquals(1.0, value(g, "conjunction_mismatch"));
    }

    private static double[] features(String a, String b) {
        double[] f = PairFeatures.of(new QuestionText(a), new QuestionText(b), 0.9, RARITY);
        assertEquals(PairFeatures.NAMES.size(), f.length);
        return f;
    }

    private static double value(double[] features, String name) {
        return features[PairFeatures.NAMES.indexOf(name)];
    }
}
