package dev.llmrouter.bench;

import java.util.Locale;

/** Hits and misses against labels, reported the way eval/README.md defines them. */
public final class Tally {

    private long truePositives;
    private long falsePositives;
    private long positives;
    private long negatives;

    public void add(boolean same, boolean hit) {
        if (same) {
            positives++;
            if (hit) {
                truePositives++;
            }
        } else {
            negatives++;
            if (hit) {
                falsePositives++;
            }
        }
    }

    public double precision() {
        long hits = truePositives + falsePositives;
        return hits == 0 ? 1.0 : truePositives / (double) hits;
    }

    public double recall() {
        return positives == 0 ? 0.0 : truePositives / (double) positives;
    }

    public double falseHitRate() {
        return negatives == 0 ? 0.0 : falsePositives / (double) negatives;
    }

    public long hits() {
        return truePositives + falsePositives;
    }

    public long pairs() {
        return positives + negatives;
    }

    public String line() {
        return String.format(Locale.ROOT, "precision=%.4f recall=%.4f false_hit_rate=%.4f hits=%d pairs=%d",
                precision(), recall(), falseHitRate(), hits(), pairs());
    }
}
