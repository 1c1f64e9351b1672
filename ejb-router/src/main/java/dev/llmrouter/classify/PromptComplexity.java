package dev.llmrouter.classify;

import dev.llmrouter.chat.ChatMessage;
import dev.llmrouter.chat.ChatRequest;
import java.util.regex.Pattern;

/**
 * A first, rule-based complexity estimate: long prompts, code, and explicit reasoning or
 * multi-step instructions look hard; short factual questions look easy.
 */
public final class PromptComplexity {

    static final int LONG_QUESTION_CHARS = 1_500;
    static final int LONG_CONVERSATION_CHARS = 6_000;

    private static final Pattern REASONING_CUES = Pattern.compile(
            "\\b(prove|proof|derive|step[- ]by[- ]step|analy[sz]e|refactor|implement|debug|optimi[sz]e"
                    + "|compare and contrast|trade-?offs?|design an?|write (a|an) (program|function|class|essay))\\b",
            Pattern.CASE_INSENSITIVE);

    private PromptComplexity() {
    }

    public enum Level { SIMPLE, COMPLEX }

    /** The level and the feature that decided it, for the routing receipt. */
    public record Estimate(Level level, String because) {
    }

    public static Estimate estimate(ChatRequest request) {
        String question = request.lastUserMessage();
        int total = request.messages().stream().map(ChatMessage::content).mapToInt(String::length).sum();
        if (question.length() > LONG_QUESTION_CHARS) {
            return new Estimate(Level.COMPLEX, "long question");
        }
        if (total > LONG_CONVERSATION_CHARS) {
            return new Estimate(Level.COMPLEX, "long conversation");
        }
        if (question.contains("```")) {
            return new Estimate(Level.COMPLEX, "contains code");
        }
        if (REASONING_CUES.matcher(question).find()) {
            return new Estimate(Level.COMPLEX, "asks for reasoning or multi-step work");
        }
        return new Estimate(Level.SIMPLE, "short question without code or reasoning cues");
    }
}
