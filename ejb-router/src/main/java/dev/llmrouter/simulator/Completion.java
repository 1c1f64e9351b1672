package dev.llmrouter.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned answer: the pieces to stream (one token each, with its leading space, so pieces concatenate to the
 * full text), why it ended and the timing profile in force for this request.
 */
record Completion(List<String> pieces, boolean truncated, int promptTokens, SimulatorProfile profile) {

    static Completion plan(String model, Prompt prompt, Directives directives, SimulatorProfile defaults,
                           Integer maxTokens) {
        SimulatorProfile profile = directives.applyTo(defaults);
        int target = profile.completionTokens();
        boolean truncated = maxTokens != null && maxTokens > 0 && maxTokens < target;
        int count = truncated ? maxTokens : target;
        List<String> words = AnswerText.words(model, Directives.strip(prompt.lastUserMessage()), count);
        List<String> pieces = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            pieces.add(i == 0 ? words.get(i) : " " + words.get(i));
        }
        return new Completion(List.copyOf(pieces), truncated, prompt.tokens(), profile);
    }

    String text() {
        return String.join("", pieces);
    }

    int completionTokens() {
        return pieces.size();
    }

    /** When token {@code index} (0-based) is due, on the {@link System#nanoTime()} scale. */
    long tokenDeadline(long startNanos, int index) {
        return startNanos + profile.ttftMillis() * 1_000_000L + index * profile.interTokenNanos();
    }

    /** When a non-streamed answer is due: the whole generation time, as a real server would spend it. */
    long completeDeadline(long startNanos) {
        return tokenDeadline(startNanos, pieces.size());
    }
}
