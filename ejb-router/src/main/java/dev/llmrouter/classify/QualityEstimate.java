package dev.llmrouter.classify;

/**
 * The predicted probability (0..1) that a backend answers a prompt well, and what the prediction rests
 * on ("prior for the local tier", "14 similar labelled prompts", ...), for the routing receipt.
 */
public record QualityEstimate(double quality, String basis) {

    public QualityEstimate {
        if (quality < 0 || quality > 1) {
            throw new IllegalArgumentException("quality must be in 0..1: " + quality);
        }
    }
}
