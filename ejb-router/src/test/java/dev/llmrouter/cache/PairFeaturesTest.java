package dev.llmrouter.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairFeaturesTest {

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

    private static double[] features(String a, String b) {
        double[] f = PairFeatures.of(new QuestionText(a), new QuestionText(b), 0.9);
        assertEquals(PairFeatures.NAMES.size(), f.length);
        return f;
    }

    private static double value(double[] features, String name) {
        return features[PairFeatures.NAMES.indexOf(name)];
    }
}
