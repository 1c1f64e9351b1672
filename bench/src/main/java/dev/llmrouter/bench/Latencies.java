package dev.llmrouter.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Elapsed times in milliseconds, summarised as count, p50, p99 and max. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    /** Records the time since {@code startNanos}. */
    void add(long startNanos) {
        millis.add((System.nanoTime() - startNanos) / 1e6);
    }

    String summary() {
        if (millis.isEmpty()) {
            return "n=0";
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "n=%d p50=%.2f p99=%.2f max=%.2f", sorted.size(), percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
