package dev.llmrouter.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PromptFeaturesTest {

    private static double feature(String text, String name) {
        return PromptFeatures.of(text)[PromptFeatures.NAMES.indexOf(name)];
    }

    private static double log1p(double count) {
        return Math.log1p(count);
    }

    @Test
    void everyNamedFeatureHasAValueAndEmptyTextIsAllZero() {
        assertEquals(PromptFeatures.NAMES.size(), PromptFeatures.of("anything").length);
        for (double v : PromptFeatures.of(null)) {
            assertEquals(0, v, 1e-12);
        }
    }

    @Test
    void wordProblemFeaturesCountQuantitiesMoneyNamesAndSteps() {
        String problem = "Anna buys 3 apples at $1.25 each and twice as many pears at $0.80 each. "
                + "Ben pays half of the total. How much does Anna pay, in dollars?";

        assertEquals(log1p(3), feature(problem, "distinct_numbers"), 1e-12);
        assertEquals(log1p(2), feature(problem, "decimal_numbers"), 1e-12);
        assertEquals(log1p(2), feature(problem, "dollars"), 1e-12);
        assertEquals(log1p(2), feature(problem, "cents"), 1e-12);
        assertEquals(log1p(2), feature(problem, "fraction_words"), 1e-12);
        assertEquals(log1p(2), feature(problem, "each_every_per"), 1e-12);
        assertEquals(log1p(1), feature(problem, "totals"), 1e-12);
        assertEquals(log1p(1), feature(problem, "how_much"), 1e-12);
        assertEquals(0, feature(problem, "how_many"), 1e-12);
        assertEquals(log1p(3), feature(problem, "capitalised_count"), 1e-12);
        assertEquals(log1p(3), feature(problem, "distinct_names"), 1e-12);
        assertEquals(log1p("How much does Anna pay, in dollars?".length()), feature(problem, "last_sentence_chars"),
                1e-12);
        assertEquals(log1p(Math.log10(4) + Math.log10(2.25) + Math.log10(1.8)), feature(problem, "number_magnitude"),
                1e-12);
    }

    @Test
    void multipleChoiceQuestionsAreRecognisedByTheirOptions() {
        String question = "Which of the following is a prime?\nA. 4\nB. 6\nC. 7\nD. 9\nAnswer:";

        assertEquals(1, feature(question, "has_options"), 1e-12);
        assertEquals(1, feature(question, "numeric_options"), 1e-12);
        assertEquals(0, feature("What is 7 times 6?", "has_options"), 1e-12);
    }
}
