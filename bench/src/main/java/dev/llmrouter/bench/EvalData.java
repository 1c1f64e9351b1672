package dev.llmrouter.bench;

import java.nio.file.Path;

/**
 * Where the evaluation data lives: the folder {@code EVAL_DIR} names (the bench scripts set it to
 * {@code ../shared/eval} beside the project unless it is set), else {@code ../shared/eval} from the working
 * directory. Only benchmarks and trainers read it; nothing of it ships.
 */
public final class EvalData {

    private EvalData() {
    }

    /** Quora question pairs: {@code label, text_a, text_b}. */
    public static Path quoraPairs() {
        return file("semantic-cache/qqp-pairs.tsv");
    }

    /** Sentences and their ChatGPT paraphrases, all label 1. */
    public static Path paraphrasePairs() {
        return file("semantic-cache/paraphrase-pairs.tsv");
    }

    /** GSM8K and MMLU prompts with the weak and the strong model's correctness. */
    public static Path weakStrongCorrectness() {
        return file("routing/weak-strong-correctness.tsv");
    }

    /** Real first-turn ShareGPT prompts. */
    public static Path sharegptPrompts() {
        return file("traffic/sharegpt-prompts.tsv");
    }

    private static Path file(String relative) {
        String dir = System.getenv("EVAL_DIR");
        return Path.of(dir == null || dir.isBlank() ? "../shared/eval" : dir).resolve(relative);
    }
}
