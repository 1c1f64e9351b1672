package dev.llmrouter.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the deterministic answer words. One word counts as one token, which keeps usage numbers exact and easy to
 * assert on, and the "[simulated model]" prefix keeps the answer from ever being mistaken for a real model's.
 */
final class AnswerText {

    private static final int QUESTION_WORDS = 12;
    private static final String[] LEAD = {"Here", "is", "a", "simulated", "answer", "to:"};
    private static final String[] FILLER = ("This text comes from the simulated upstream so that routing, latency,"
            + " streaming and token accounting can be exercised without a real model.").split(" ");

    private AnswerText() {
    }

    static List<String> words(String model, String question, int count) {
        List<String> words = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add("[simulated");
        candidates.add(model + "]");
        candidates.addAll(List.of(LEAD));
        String[] questionWords = question.isBlank() ? new String[] {"(empty", "question)"} : question.strip().split("\\s+");
        for (int i = 0; i < Math.min(QUESTION_WORDS, questionWords.length); i++) {
            candidates.add(questionWords[i]);
        }
        if (questionWords.length > QUESTION_WORDS) {
            candidates.add("...");
        }
        for (String word : candidates) {
            if (words.size() == count) {
                return words;
            }
            words.add(word);
        }
        for (int i = 0; words.size() < count; i++) {
            words.add(FILLER[i % FILLER.length]);
        }
        return words;
    }
}
