package dev.llmrouter.classify;

import java.util.regex.Pattern;

/**
 * A coarse category from explicit cues, checked in order (code before math: code is full of numbers and
 * operators). Categories key per-category statistics and routing rules, so they must be stable and
 * explainable rather than clever; the learned quality model does the fine distinctions.
 */
record PromptCategory(String label, String cue) {

    private static final Pattern WRITING = Pattern.compile("(?i)^\\s*(please\\s+)?(write|draft|compose|rewrite|rephrase"
            + "|summari[sz]e|translate|paraphrase|edit|proofread)\\b|\\b(essay|poem|story|cover letter|blog post|email)\\b");
    private static final Pattern MATH_WORDS = Pattern.compile("(?i)\\b(how many|how much|calculate|compute|solve"
            + "|equation|probability|percent(age)?|integral|derivative|sum of|product of|average)\\b");
    private static final Pattern GREETING = Pattern.compile("(?i)^\\s*(hi|hello|hey|thanks|thank you|good (morning|evening))\\b");

    static PromptCategory of(String text, double[] f) {
        if (f[index("code")] > 0) {
            return new PromptCategory("code", "code syntax");
        }
        boolean hasNumbers = f[index("log_numbers")] > 0;
        if (hasNumbers && MATH_WORDS.matcher(text).find()
                || f[index("math_symbols")] > 0 && f[index("log_numbers")] >= Math.log1p(2)
                || f[index("numeric_options")] >= 0.5) {
            return new PromptCategory("math", "numbers with arithmetic cues");
        }
        if (f[index("reasoning_cues")] > 0 || f[index("roman_statements")] > 0 || f[index("paired_statements")] > 0) {
            return new PromptCategory("reasoning", "reasoning or multi-statement cues");
        }
        if (WRITING.matcher(text).find()) {
            return new PromptCategory("writing", "asks for a text");
        }
        if (f[index("has_options")] > 0 || text.contains("?") || f[index("which_of_following")] > 0) {
            return new PromptCategory("knowledge", f[index("has_options")] > 0 ? "multiple choice" : "a question");
        }
        if (GREETING.matcher(text).find() || f[index("log_words")] < Math.log1p(6)) {
            return new PromptCategory("chat", "short conversational turn");
        }
        return new PromptCategory("chat", "no specific cue");
    }

    private static int index(String feature) {
        int i = PromptFeatures.NAMES.indexOf(feature);
        if (i < 0) {
            throw new IllegalArgumentException("no feature " + feature);
        }
        return i;
    }
}
